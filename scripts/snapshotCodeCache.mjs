// Keeps, of the code cache Node appends to a startup snapshot, only the built-ins ask-nix compiles after
// deserialisation. `node --build-snapshot` ends the blob with V8's code cache for every one of Node's
// ~320 built-in modules (2.7 MB of a 10.35 MB blob), for those it did not load while building; Node
// reads all of it on every start (into a buffer of the file and a copy, 5.5 MB of fresh memory), though
// a call compiles a handful: the terminal's (tty), a process's (child_process), a prompt's (readline),
// a hash's (crypto). Without its entry a built-in is compiled from Node's own source, as a plain
// `node` does for modules outside its snapshot: correct, a little slower, so the ones a call uses stay.
// Measured (parse --json, 80 interleaved starts, real-time priority, load 9): blob 10.35 -> 7.85 MB,
// deserialisation 18.0 -> 17.0 ms median, huge pages taken per start 9.9 -> 7.3 (see the README,
// Start-up: a fresh huge page is sometimes 10x slower to clear on this VM).
//
// The layout (Node 20, src/node_snapshotable.cc, SnapshotData::ToBlob): magic, metadata, V8's startup
// data, Node's isolate and environment data, then the code cache last: a u64 count, and per entry a
// u64 length and the module id, a u64 length and the cache. A blob whose end does not parse as that,
// exactly, is left as it is (a snapshot with the whole cache is correct, only larger).

/** Node's magic number at the start of a snapshot blob (SnapshotData::kMagic). */
const magic = 0x0143da19

/** The built-ins whose code cache stays: those a call may load after deserialisation, with the internal modules they bring. */
export const keptCodeCache = (id) =>
  /^(child_process|crypto|dgram|os|readline|tty|zlib)$/.test(id) ||
  /^internal\/(child_process|crypto\/.+|dgram|readline\/.+|tty|socket_list|fs\/sync_write_stream|util\/colors|streams\/lazy_transform)$/.test(id)

/** The entries of a code cache that starts at `at` and ends exactly at the blob's end, or undefined. */
const codeCacheAt = (blob, at) => {
  const u64 = (p) => (p + 8 <= blob.length ? Number(blob.readBigUInt64LE(p)) : -1)
  const count = u64(at)
  if (count < 1 || count > 10000) return undefined
  const entries = []
  let p = at + 8
  for (let i = 0; i < count; i++) {
    const idLength = u64(p)
    if (idLength < 1 || idLength > 256 || p + 8 + idLength > blob.length) return undefined
    const id = blob.toString("latin1", p + 8, p + 8 + idLength)
    if (!/^[\w/.:-]+$/.test(id)) return undefined
    p += 8 + idLength
    const length = u64(p)
    if (length < 0 || p + 8 + length > blob.length) return undefined
    entries.push({ id, start: p + 8, length })
    p += 8 + length
  }
  return p === blob.length ? entries : undefined
}

/** Where the code cache starts: the first place after V8's startup data from which it parses to the end. */
const findCodeCache = (blob) => {
  if (blob.length < 64 || blob.readUInt32LE(0) !== magic) return undefined
  // Metadata: a type byte, then three strings (u64 length and bytes), the V8 cache tag and the flags.
  let p = 5
  for (let i = 0; i < 3; i++) p += 8 + Number(blob.readBigUInt64LE(p))
  p += 8
  const v8Size = blob.readInt32LE(p)
  for (let at = p + 4 + v8Size; at < blob.length - 8; at++) {
    const entries = codeCacheAt(blob, at)
    if (entries !== undefined) return { at, entries }
  }
  return undefined
}

/**
 * The blob with only the kept built-ins' code cache, and what was dropped; undefined when its layout is
 * not the one above (another Node version): the caller keeps the blob as it is.
 */
export const trimCodeCache = (blob, keep = keptCodeCache) => {
  const found = findCodeCache(blob)
  if (found === undefined) return undefined
  const kept = found.entries.filter((e) => keep(e.id))
  const u64 = (n) => {
    const b = Buffer.alloc(8)
    b.writeBigUInt64LE(BigInt(n))
    return b
  }
  const parts = [blob.subarray(0, found.at), u64(kept.length)]
  for (const e of kept) parts.push(u64(e.id.length), Buffer.from(e.id, "latin1"), u64(e.length), blob.subarray(e.start, e.start + e.length))
  return { blob: Buffer.concat(parts), kept: kept.map((e) => e.id), dropped: found.entries.length - kept.length }
}

/** The ids in a blob's code cache, or undefined when its layout is not the one above. */
export const codeCacheIds = (blob) => findCodeCache(blob)?.entries.map((e) => e.id)
