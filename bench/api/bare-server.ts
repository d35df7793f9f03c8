/**
 * The reference for bench/api: a bare Fastify server with nothing but one route per target that
 * answers a fixed JSON object of the same size as the app's answer. Run as a child process so it
 * gets its own event loop, as the app does. Reads its bodies as JSON from stdin:
 * { "/r/0": <object>, "/r/1": <object>, … }, prints "listening <port>" when ready.
 */
import Fastify from 'fastify';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const bodies = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;

const app = Fastify({ logger: false });
for (const [path, body] of Object.entries(bodies)) app.get(path, async () => body);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
