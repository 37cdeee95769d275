// A throw-away TLS certificate for the fixture server, made with openssl at
// test time so no private key ever lives in the repository. The browsers never
// trust it as a CA: Chromium is told to accept exactly this key
// (--ignore-certificate-errors-spki-list), Firefox accepts insecure certs.
import {execFileSync} from 'node:child_process';
import {createHash, createPublicKey} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

// Makes a self-signed certificate whose SAN lists every host in `hosts`.
// Returns {key, cert} (PEM strings) and `spki`: base64 SHA-256 of the
// certificate's SubjectPublicKeyInfo, the form Chromium's flag expects.
export function makeCertificate(dir, hosts) {
	const keyPath = join(dir, 'fixture.key');
	const certPath = join(dir, 'fixture.crt');
	const san = [...new Set(['localhost', ...hosts])].map(host => `DNS:${host}`).concat('IP:127.0.0.1').join(',');
	execFileSync('openssl', [
		'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
		'-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=oneself fixtures',
		'-addext', `subjectAltName=${san}`,
	], {stdio: ['ignore', 'ignore', 'pipe']});
	const key = readFileSync(keyPath, 'utf8');
	const cert = readFileSync(certPath, 'utf8');
	const spkiDer = createPublicKey(cert).export({type: 'spki', format: 'der'});
	const spki = createHash('sha256').update(spkiDer).digest('base64');
	writeFileSync(join(dir, 'fixture.spki'), spki);
	return {key, cert, spki, certPath, keyPath};
}
