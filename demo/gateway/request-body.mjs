// Reading a request body with a size limit: the gateway's JSON calls and the
// identity providers' forms and token requests all go through it.

/**
 * The body as UTF-8 text; throws once it grows past `maxBytes`.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} maxBytes
 */
export async function readBody(req, maxBytes) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > maxBytes) throw new Error('too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
