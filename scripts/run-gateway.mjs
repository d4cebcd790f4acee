// Starts the gateway for `pnpm start` / `pnpm dev`. Plain JavaScript on purpose: it must run on
// any Node.js to say which one to install, where the gateway itself (TypeScript run by type
// stripping) would die with "bad option: --experimental-strip-types".
//   node scripts/run-gateway.mjs [--watch]
import { spawn, spawnSync } from 'node:child_process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(`Parley needs Node.js 22.13 or newer (24 LTS recommended); this is Node.js ${process.versions.node}. Install it from https://nodejs.org or with your version manager (nvm install 24).`);
  process.exit(1);
}

const watch = process.argv.includes('--watch');
const build = spawnSync('pnpm', ['build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const args = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', ...(watch ? ['--watch'] : []), 'apps/gateway/src/main.ts'];
const env = watch && !process.env.PARLEY_LOG_FORMAT ? { ...process.env, PARLEY_LOG_FORMAT: 'pretty' } : process.env;
const gateway = spawn(process.execPath, args, { stdio: 'inherit', env });
// Ctrl-C reaches the whole process group, the gateway included: it shuts down cleanly by itself,
// so this process only waits and passes on its exit code (0 after a clean shutdown), which keeps
// pnpm from reporting "ELIFECYCLE Command failed". A SIGTERM sent to this process alone is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => gateway.kill('SIGTERM'));
gateway.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
