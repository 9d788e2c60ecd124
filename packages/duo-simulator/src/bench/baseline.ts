import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The baseline: a bare node:http server answering with one pre-serialized 1000-record page (taken from the
 * simulator, so same shape and size) `pagesPerAccount` times, then an empty page. It skips signing, data
 * generation and serialization: what is left is the HTTP + client cost the simulator cannot avoid.
 */
export async function startBaseline(
  recordsJson: string,
  recordCount: number,
  pagesPerAccount: number,
): Promise<{ url: string; server: Server }> {
  const empty = JSON.stringify({
    stat: 'OK',
    response: { authlogs: [], metadata: { next_offset: null, total_objects: 0 } },
  });
  const server = createServer((req, res) => {
    const match = /next_offset=\d+%2C(\d+)/.exec(req.url ?? '');
    const served = match ? Number(match[1]) : 0;
    const body =
      served >= pagesPerAccount
        ? empty
        : `{"stat":"OK","response":{"authlogs":${recordsJson},"metadata":{"next_offset":["1700000000000","${served + 1}"],"total_objects":${recordCount}}}}`;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
