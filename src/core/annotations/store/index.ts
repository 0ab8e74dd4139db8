/**
 * The sidecar store: loads an article's annotations from `<article>.annotations.yaml`, re-attaches them to the
 * article's current text, and saves every change at once, atomically (temporary file in the same folder, then
 * rename) and without overwriting what someone else wrote on disk meanwhile (three-way merge by id).
 *
 * Pure core: all file access goes through the injected FileOps, so the extension (vscode.workspace.fs, remote
 * and virtual workspaces included) and the CLI (node fs) share it. See docs/sidecar-format.md.
 */
export { SidecarStore, type StoreOptions } from './sidecarStore';
export { ArticleAnnotations, type StoreServices } from './articleAnnotations';
export { applyTagPatch, type AnnotationPatch, type ArticlePatch, type NewAnnotation, type TagPatch } from './patches';
export { AnnotationNotFoundError, formatProblem, readSidecarFile, SidecarReadOnlyError, type DiskState } from './readSidecar';
export { countTags, readTagCounts, tallyTags, type TagCount } from './tagCounts';
