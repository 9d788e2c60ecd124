// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import { createPrivateKey, KeyObject, randomBytes, webcrypto } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import type { VolumeLayout } from './volume-layout';

// The names the NATS server answers to: `nats` inside the compose network (and `nats-2`, `nats-3`, the other
// nodes of docker-compose.scale.yml's cluster, which share this certificate), localhost and 127.0.0.1 for a client
// on the server's own host (the specs).
export const NATS_SERVER_NAMES = { dns: ['nats', 'nats-2', 'nats-3', 'localhost'], ip: ['127.0.0.1'] } as const;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY_MS = 24 * 60 * 60 * 1000;
const CA_DAYS = 10 * 365;
const SERVER_DAYS = 2 * 365;
// A server certificate this close to its end is issued anew (nats picks it up at its next start).
const RENEW_BEFORE_DAYS = 30;

// Node's WebCrypto; @peculiar/x509 takes it as its provider (its Crypto type is the DOM's, absent from this build).
const crypto = webcrypto;
type CryptoKey = webcrypto.CryptoKey;

// A positive serial number of 16 random bytes (RFC 5280: at most 20 octets, non-negative).
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

async function generateKeys(): Promise<webcrypto.CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
}

function privateKeyPem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  return crypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
}

function validity(now: Date, days: number): { notBefore: Date; notAfter: Date } {
  // A minute back: a client whose clock is a little behind still accepts a certificate issued just now.
  return { notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + days * DAY_MS) };
}

async function createCa(now: Date): Promise<{ cert: x509.X509Certificate; key: CryptoKey }> {
  const keys = await generateKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serialNumber(),
      name: 'CN=Seatwise compose bus CA',
      ...validity(now, CA_DAYS),
      signingAlgorithm: ALGORITHM,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { cert, key: keys.privateKey };
}

async function createServerCert(
  ca: { cert: x509.X509Certificate; key: CryptoKey },
  now: Date,
): Promise<{ cert: x509.X509Certificate; key: CryptoKey }> {
  const keys = await generateKeys();
  const names = [
    ...NATS_SERVER_NAMES.dns.map((value) => ({ type: 'dns' as const, value })),
    ...NATS_SERVER_NAMES.ip.map((value) => ({ type: 'ip' as const, value })),
  ];
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serialNumber(),
      subject: 'CN=nats',
      issuer: ca.cert.subject,
      ...validity(now, SERVER_DAYS),
      signingAlgorithm: ALGORITHM,
      publicKey: keys.publicKey,
      signingKey: ca.key,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        // clientAuth too: a cluster node presents it when it opens a route to another (routes verify both ends).
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
        new x509.SubjectAlternativeNameExtension(names),
        await x509.AuthorityKeyIdentifierExtension.create(ca.cert.publicKey, false, crypto),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { cert, key: keys.privateKey };
}

// Whether the server certificate on disk is still good: issued by this CA and not about to end.
async function serverCertUsable(layout: VolumeLayout, ca: x509.X509Certificate, now: Date): Promise<boolean> {
  if (!existsSync(layout.natsCert) || !existsSync(layout.natsKey)) return false;
  const cert = new x509.X509Certificate(readFileSync(layout.natsCert, 'utf8'));
  if (cert.notAfter.getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS) return false;
  // One issued before the cluster's names (or for routes) is issued again, so a volume from then serves the cluster.
  if (!coversNames(cert)) return false;
  return cert.verify({ publicKey: ca.publicKey, signatureOnly: true }, crypto);
}

function coversNames(cert: x509.X509Certificate): boolean {
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension);
  const names = new Set((san?.names.items ?? []).map((name) => name.value));
  const wanted = [...NATS_SERVER_NAMES.dns, ...NATS_SERVER_NAMES.ip];
  return wanted.every((name) => names.has(name)) && (eku?.usages ?? []).includes(x509.ExtendedKeyUsage.clientAuth);
}

// The CA every client trusts (tls/ca.pem) and the certificate NATS serves, both generated in Node. The CA is made
// once; the server certificate again when it is missing, ends within 30 days or is not from this CA. Returns the
// files written.
export async function ensureNatsTls(layout: VolumeLayout, now: Date = new Date()): Promise<string[]> {
  const written: string[] = [];
  let ca: { cert: x509.X509Certificate; key: CryptoKey };
  if (existsSync(layout.caCert) && existsSync(layout.caKey)) {
    ca = {
      cert: new x509.X509Certificate(readFileSync(layout.caCert, 'utf8')),
      key: await importPrivateKey(readFileSync(layout.caKey, 'utf8')),
    };
  } else {
    ca = await createCa(now);
    writeFileSync(layout.caKey, privateKeyPem(ca.key), { mode: 0o600 });
    writeFileSync(layout.caCert, ca.cert.toString('pem'), { mode: 0o644 });
    written.push(layout.caKey, layout.caCert);
  }
  if (!(await serverCertUsable(layout, ca.cert, now))) {
    const server = await createServerCert(ca, now);
    writeFileSync(layout.natsKey, privateKeyPem(server.key), { mode: 0o600 });
    writeFileSync(layout.natsCert, server.cert.toString('pem'), { mode: 0o644 });
    written.push(layout.natsKey, layout.natsCert);
  }
  return written;
}
