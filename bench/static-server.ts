/**
 * The baseline: `PORT=N node static-server.js <file>` serves that one file's bytes as HTML to
 * every request from a minimal node:http server (read once, kept in memory), so the figure is
 * what Node itself can do on this machine with no framework, routing or database at all.
 */
import fs from 'node:fs';
import http from 'node:http';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: PORT=N node static-server.js <file>');
const body = fs.readFileSync(file);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  response.end(body);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
