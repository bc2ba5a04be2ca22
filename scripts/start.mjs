// `npm start`: the embedded control plane plus the console's dev server behind a proxy.
// With ARMONIK_ENDPOINT set, only the console starts, proxied to that cluster instead.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const endpoint = process.env.ARMONIK_ENDPOINT?.trim();
const clusterPort = process.env.CLUSTER_PORT ?? '5001';
const consolePort = process.env.PORT ?? '4200';
const target = endpoint || `http://localhost:${clusterPort}`;

if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) {
  console.error(`ARMONIK_ENDPOINT must look like http://host:port, got "${endpoint}"`);
  process.exit(2);
}

// proxy.conf.json is the single description of what is forwarded; only its target changes.
const proxy = JSON.parse(readFileSync(join(root, 'proxy.conf.json'), 'utf8'));
for (const rule of Object.values(proxy)) rule.target = target;
// The embedded control plane answers config.json with its own native-gRPC address (the Connect
// panel's endpoint); a real cluster's address is the deployment's to write in public/config.json.
if (!endpoint) proxy['/config.json'] = { ...proxy['/armonik.api.grpc.v1.'], target };
const proxyFile = join(root, '.angular', 'proxy.generated.json');
mkdirSync(dirname(proxyFile), { recursive: true });
writeFileSync(proxyFile, JSON.stringify(proxy, null, 2));

const children = [];
function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  child.on('exit', (code) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exit(code ?? 0);
  });
  children.push(child);
}

if (!endpoint) run('tsx', ['server/main.ts', '--port', clusterPort]);
run('ng', ['serve', '--port', consolePort, '--proxy-config', proxyFile]);
console.log(`\nSession Console: http://localhost:${consolePort}  (cluster: ${target})\n`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
  });
}
