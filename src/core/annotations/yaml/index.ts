/** Sidecar YAML: decode, safe parse and schema, comment-preserving serialise with a splice fast path. See docs/sidecar-format.md. */
export { DEFAULT_LIMITS, decodeSidecarBytes, SidecarError, type SidecarErrorKind, type SidecarLimits } from './decode';
export { parseSidecar, type ParsedSidecar } from './parse';
export { serializeSidecar, serializeStats } from './serialize';
export { fullSerialization, newSidecarDocument, SERIALIZE_OPTIONS, SIDECAR_HEADER, SidecarDocument } from './sidecarDocument';
