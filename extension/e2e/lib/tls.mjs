// A throwaway self-signed certificate for every fixture host name, made at test time (never committed).
// Chromium trusts exactly this key through --ignore-certificate-errors-spki-list=<base64 SHA-256 of the SPKI>.
import { createHash, createPublicKey } from 'node:crypto';
import selfsigned from 'selfsigned';

/** @param {string[]} hosts */
export async function makeCertificate(hosts) {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 7 * 24 * 3600_000);
  const pems = await selfsigned.generate([{ name: 'commonName', value: hosts[0] }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2, value })) },
    ],
  });
  const spki = createPublicKey(pems.cert).export({ type: 'spki', format: 'der' });
  const spkiHash = createHash('sha256').update(spki).digest('base64');
  return { key: pems.private, cert: pems.cert, spkiHash };
}
