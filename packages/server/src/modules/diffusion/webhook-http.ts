import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";

/**
 * POSTs a webhook to `url` over a connection to `address`, the address checked just before
 * (webhook-url.ts): the host name is never resolved again, so a DNS answer that changes between the
 * check and the connection (rebinding: public at the check, 127.0.0.1 at the connection) cannot
 * send the request inside the network. The host name still names the site: Host header, TLS SNI and
 * certificate check. Redirects are not followed. Resolves with the HTTP status.
 */
export function postPinned(
  url: string,
  address: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<number> {
  const target = new URL(url);
  const family = isIP(address);
  if (family === 0) return Promise.reject(new Error(`adresse invalide : ${address}`));
  const lookup = ((_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) },
        lookup,
        agent: false,
        signal: AbortSignal.timeout(init.timeoutMs),
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        // The partner's answer body is not read: only its status matters.
        response.destroy();
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}
