import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export interface TlsMaterial {
  /** The local CA certificate (PEM): what browsers, Node (NODE_EXTRA_CA_CERTS) and az (REQUESTS_CA_BUNDLE) trust. */
  caPem: string;
  /** The server certificate for localhost / 127.0.0.1 / ::1, signed by the CA, and its key. */
  certPem: string;
  keyPem: string;
}

export function tlsPaths(stateDir: string) {
  return {
    ca: path.join(stateDir, 'ca.pem'),
    caKey: path.join(stateDir, 'ca-key.pem'),
    cert: path.join(stateDir, 'tls-cert.pem'),
    key: path.join(stateDir, 'tls-key.pem'),
  };
}

function newRsaKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  // Node's native generator is ~100x faster than forge's pure-JS one; forge only assembles the certificates.
  const { privateKey: pem } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const privateKey = forge.pki.privateKeyFromPem(pem);
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  return { privateKey, publicKey, pem };
}

/**
 * A random certificate serial (unique per issuer, as browsers require) whose DER INTEGER is positive and
 * minimal: the first byte is 0x01-0x7f. A leading zero byte is "illegal padding" to OpenSSL 3, which then
 * refuses the certificate (it happened about once in 400 certificates with a '0'-prefixed random serial).
 */
export function serialNumber(): string {
  const bytes = crypto.randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) || 0x01;
  return bytes.toString('hex');
}

function createCertificates(): TlsMaterial & { caKeyPem: string } {
  const now = new Date();
  const ca = newRsaKeyPair();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = serialNumber();
  caCert.validity.notBefore = new Date(now.getTime() - 24 * 3600_000);
  caCert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600_000);
  const caName = [
    { name: 'commonName', value: 'Deleted Resources Portal local CA' },
    { name: 'organizationName', value: 'Deleted Resources Portal (local emulator)' },
  ];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const server = newRsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = server.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600_000);
  // Browsers refuse leaf certificates valid for more than 398 days.
  cert.validity.notAfter = new Date(now.getTime() + 397 * 24 * 3600_000);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caName);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(caCert),
    caKeyPem: ca.pem,
    certPem: forge.pki.certificateToPem(cert),
    keyPem: server.pem,
  };
}

function leafStillValid(certPem: string): boolean {
  const cert = new crypto.X509Certificate(certPem);
  return new Date(cert.validTo).getTime() > Date.now() + 7 * 24 * 3600_000;
}

/**
 * Returns the CA and server certificate in `stateDir`, creating them on first use. They are kept so that a
 * browser or az that trusts the CA once keeps trusting it across restarts.
 */
export function ensureTls(stateDir: string): TlsMaterial {
  const files = tlsPaths(stateDir);
  if ([files.ca, files.cert, files.key].every((file) => fs.existsSync(file))) {
    const existing = {
      caPem: fs.readFileSync(files.ca, 'utf8'),
      certPem: fs.readFileSync(files.cert, 'utf8'),
      keyPem: fs.readFileSync(files.key, 'utf8'),
    };
    if (leafStillValid(existing.certPem)) return existing;
  }
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const created = createCertificates();
  fs.writeFileSync(files.caKey, created.caKeyPem, { mode: 0o600 });
  fs.writeFileSync(files.key, created.keyPem, { mode: 0o600 });
  fs.writeFileSync(files.cert, created.certPem);
  fs.writeFileSync(files.ca, created.caPem);
  return { caPem: created.caPem, certPem: created.certPem, keyPem: created.keyPem };
}
