// proxy.ts's check of server-action requests, before Next decodes them. Next answers 500 to every action request
// whose body React cannot decode (empty, not JSON, a reference to a part that is not there) and to every action
// that throws on arguments it did not expect (`[]` where a form belongs), and it never answers 413 (its size
// limit surfaces as a 500 too). Here the request is read (bounded), decoded with the strict subset reader
// (lib/actions/reply.ts) and checked against the action's argument schema (lib/actions/schemas.ts), so a bad
// request gets 400/413/415 with the reason and the action only ever runs on arguments of its own shape.
//
// The action is found from the request's id through the build's server-reference manifest, which maps every id
// to its file and export (ids are hashes Next assigns at build time).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readBodyCapped } from "@/lib/http/limits";
import { decodeFetchReply, decodeFormAction, MalformedReplyError, type ReplyValue } from "./reply";
import { ACTION_BODY_MAX_BYTES, actionSchemas, describeArgumentIssues, isActionKey } from "./schemas";

export interface ActionRefusal {
  status: 400 | 413 | 415;
  error: string;
}

const manifestEntrySchema = z.object({ filename: z.string(), exportedName: z.string() });
const manifestSchema = z.object({ node: z.record(z.string(), manifestEntrySchema.loose()) });

let actionFiles: Map<string, string> | null = null;

/** The build folder next.config.ts sets (LACUNA_NEXT_DIST_DIR), seen from the server's working directory. */
function manifestPaths(): string[] {
  const distDir = process.env.LACUNA_NEXT_DIST_DIR ?? ".next";
  return [path.join(distDir, "server", "server-reference-manifest.json"), path.join(distDir, "dev", "server", "server-reference-manifest.json")].map((p) =>
    path.resolve(process.cwd(), p),
  );
}

/**
 * Action id → "<file>#<export>" (undefined: no such action in this build), read once from the build output;
 * null while no manifest exists (`next dev` before its first compile). Development re-reads it for an unknown
 * id, since every compile may add actions.
 */
function actionKeyOf(id: string): string | null | undefined {
  if (!actionFiles || (process.env.NODE_ENV === "development" && !actionFiles.has(id))) {
    const file = manifestPaths().find((candidate) => existsSync(candidate));
    if (!file) return null;
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    actionFiles = new Map(Object.entries(manifest.node).map(([actionId, entry]) => [actionId, `${entry.filename}#${entry.exportedName}`]));
  }
  return actionFiles.get(id);
}

function tooLarge(): ActionRefusal {
  return { status: 413, error: `a server action's request body may be at most ${ACTION_BODY_MAX_BYTES} bytes` };
}

/** The media type of the request, lower case, without parameters. */
function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Reads a multipart body into FormData (null: not a readable form). */
async function readForm(request: Request, body: Buffer): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return null;
  }
}

function checkArguments(id: string, args: ReplyValue[]): ActionRefusal | null {
  const key = actionKeyOf(id);
  // No build manifest (development before the first compile): the shape of the reply was checked, Next finds the action.
  if (key === null) return null;
  // An id this build does not have: Next answers it (404 "Server Action unavailable").
  if (key === undefined) return null;
  if (!isActionKey(key)) return { status: 400, error: `the server action ${key} declares no argument schema` };
  const parsed = actionSchemas[key].safeParse(args);
  return parsed.success ? null : { status: 400, error: `invalid arguments for this server action: ${describeArgumentIssues(parsed.error)}` };
}

/**
 * Null when the request is not a server action, or is one whose arguments have the action's shape; else the
 * refusal to answer. `request` is proxy.ts's copy: reading its body leaves the handler's intact.
 */
export async function checkServerActionRequest(request: Request): Promise<ActionRefusal | null> {
  // Server actions post to pages; route handlers (/api/…) read their own bodies.
  if (request.method !== "POST" || new URL(request.url).pathname.startsWith("/api/")) return null;
  const actionId = request.headers.get("next-action");
  const mediaType = mediaTypeOf(request);
  // Without the header only a multipart form can be an action (posted before the page's JavaScript ran).
  if (actionId === null && mediaType !== "multipart/form-data") return null;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ACTION_BODY_MAX_BYTES) return tooLarge();
  if (actionId !== null && mediaType !== "text/plain" && mediaType !== "multipart/form-data") {
    return { status: 415, error: `a server action takes text/plain or multipart/form-data, not "${mediaType || "(none)"}"` };
  }
  let body: Buffer | null;
  try {
    body = await readBodyCapped(request, ACTION_BODY_MAX_BYTES);
  } catch {
    return { status: 400, error: "the request body could not be read" };
  }
  if (body === null) return tooLarge();
  try {
    if (mediaType === "multipart/form-data") {
      const form = await readForm(request, body);
      if (!form) return { status: 400, error: "the multipart body could not be read as a form" };
      if (actionId !== null) return checkArguments(actionId, decodeFetchReply(form));
      const call = decodeFormAction(form);
      return call ? checkArguments(call.id, call.args) : null;
    }
    return checkArguments(actionId!, decodeFetchReply(new TextDecoder().decode(body)));
  } catch (error) {
    if (error instanceof MalformedReplyError) return { status: 400, error: `malformed server action request: ${error.message}` };
    throw error;
  }
}
