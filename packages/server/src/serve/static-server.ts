import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { SECURITY_HEADERS } from "./security-headers.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the built web app from `root`: files by path, the app shell for any other page, and
 * caching that lets hashed files live forever while the shell and service worker stay fresh.
 */
export function createStaticServer(root: string): Server {
  return createServer((request, response) => {
    serve(root, request, response).catch(() => {
      if (!response.headersSent)
        send(response, 500, "text/plain; charset=utf-8", "Something went wrong.");
      else response.destroy();
    });
  });
}

async function serve(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    return send(response, 405, "text/plain; charset=utf-8", "Only GET and HEAD are served here.");
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://limber").pathname);
  } catch {
    return send(response, 400, "text/plain; charset=utf-8", "That address is not valid.");
  }
  const file = normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    return send(response, 404, "text/plain; charset=utf-8", "Not found.");
  }
  const found = await stat(file).catch(() => undefined);
  const target = found?.isFile() ? file : extname(pathname) ? undefined : join(root, "index.html");
  if (!target) return send(response, 404, "text/plain; charset=utf-8", "Not found.");
  const size = (await stat(target)).size;
  const immutable = target.includes(`${sep}assets${sep}`);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": TYPES[extname(target)] ?? "application/octet-stream",
    "Content-Length": String(size),
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (request.method === "HEAD") return void response.end();
  createReadStream(target).pipe(response);
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}
