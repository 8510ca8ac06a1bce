// Minimal fake DOM nodes for the pure textmap module (no jsdom): just what it reads.
export function text(data) {
  return { nodeType: 3, nodeName: "#text", data, parentNode: null, childNodes: [] };
}

export function el(tag, attrs = {}, ...children) {
  const node = {
    nodeType: 1,
    nodeName: tag.toUpperCase(),
    attrs,
    parentNode: null,
    childNodes: [],
    getAttribute(name) {
      return Object.prototype.hasOwnProperty.call(attrs, name) ? attrs[name] : null;
    },
  };
  for (const c of children) {
    const child = typeof c === "string" ? text(c) : c;
    child.parentNode = node;
    node.childNodes.push(child);
  }
  return node;
}

/** All text nodes under `node`, in order. */
export function textNodes(node, out = []) {
  if (node.nodeType === 3) out.push(node);
  for (const c of node.childNodes) textNodes(c, out);
  return out;
}

/** Read back the text between two DOM positions (like Range.toString() for our trees). */
export function textBetween(root, start, end) {
  // Flatten to a list of (node, offset) stops by walking text nodes in order.
  const nodes = textNodes(root);
  const pos = (p) => {
    if (p.node.nodeType === 3) return { i: nodes.indexOf(p.node), o: p.offset };
    // Element position: before child p.offset -> first text node at/after it.
    const kids = p.node.childNodes;
    const after = kids.slice(p.offset);
    for (const k of after) {
      const t = textNodes(k);
      if (t.length) return { i: nodes.indexOf(t[0]), o: 0 };
    }
    const before = textNodes({ nodeType: 1, childNodes: kids.slice(0, p.offset) });
    if (before.length) return { i: nodes.indexOf(before[before.length - 1]), o: before[before.length - 1].data.length };
    return { i: -1, o: 0 };
  };
  const a = pos(start);
  const b = pos(end);
  if (a.i < 0 || b.i < 0) return "";
  if (a.i === b.i) return nodes[a.i].data.slice(a.o, b.o);
  let s = nodes[a.i].data.slice(a.o);
  for (let i = a.i + 1; i < b.i; i += 1) s += nodes[i].data;
  return s + nodes[b.i].data.slice(0, b.o);
}
