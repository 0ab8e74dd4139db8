/** Every command id, view id and context key of the extension, defined once (they must match package.json). */
export const EXTENSION_ID = 'news-annotator.news-annotator';

export const Commands = {
  tagQuote: 'newsAnnotator.tagQuote',
  addNote: 'newsAnnotator.addNote',
  editNote: 'newsAnnotator.editNote',
  editTags: 'newsAnnotator.editTags',
  removeAnnotation: 'newsAnnotator.removeAnnotation',
  reattachAnnotation: 'newsAnnotator.reattachAnnotation',
  correctSpeaker: 'newsAnnotator.correctSpeaker',
  showAnnotationChange: 'newsAnnotator.showAnnotationChange',
  openSidecar: 'newsAnnotator.openSidecar',
  undoAnnotationChange: 'newsAnnotator.undoAnnotationChange',
  nextQuote: 'newsAnnotator.nextQuote',
  previousQuote: 'newsAnnotator.previousQuote',
  nextAnnotation: 'newsAnnotator.nextAnnotation',
  previousAnnotation: 'newsAnnotator.previousAnnotation',
  nextMention: 'newsAnnotator.nextMention',
  previousMention: 'newsAnnotator.previousMention',
  goToRelated: 'newsAnnotator.goToRelated',
  nextRelated: 'newsAnnotator.nextRelated',
  previousRelated: 'newsAnnotator.previousRelated',
  search: 'newsAnnotator.search',
  refresh: 'newsAnnotator.refresh',
  reindex: 'newsAnnotator.reindex',
  groupByOutlet: 'newsAnnotator.groupByOutlet',
  groupByTag: 'newsAnnotator.groupByTag',
  groupBySpeaker: 'newsAnnotator.groupBySpeaker',
  groupByEntity: 'newsAnnotator.groupByEntity',
  groupByNone: 'newsAnnotator.groupByNone',
  filterArticles: 'newsAnnotator.filterArticles',
  clearFilter: 'newsAnnotator.clearFilter',
  toggleHighlights: 'newsAnnotator.toggleHighlights',
  revealInEditor: 'newsAnnotator.revealInEditor',
  openArticle: 'newsAnnotator.openArticle',
  exportAnnotations: 'newsAnnotator.exportAnnotations',
  renameTag: 'newsAnnotator.renameTag',
  correctEntity: 'newsAnnotator.correctEntity',
  importWebPage: 'newsAnnotator.importWebPage',
  openDashboard: 'newsAnnotator.openDashboard',
} as const;

export const Views = {
  container: 'newsAnnotator',
  articles: 'newsAnnotator.articles',
  entities: 'newsAnnotator.entities',
  tags: 'newsAnnotator.tags',
} as const;

/** Webview panel types (package.json's `onWebviewPanel:` activation event names them too). */
export const WebviewTypes = {
  dashboard: 'newsAnnotator.dashboard',
} as const;

export const ContextKeys = {
  ready: 'newsAnnotator.ready',
  hasArticles: 'newsAnnotator.hasArticles',
  isArticle: 'newsAnnotator.isArticle',
  hasOrphans: 'newsAnnotator.hasOrphans',
  filtered: 'newsAnnotator.filtered',
} as const;

/** Tree item context values (menus match them with `viewItem =~ /^newsAnnotator\.quote/` etc.). */
export const ItemContext = {
  article: 'newsAnnotator.article',
  group: 'newsAnnotator.group',
  quote: 'newsAnnotator.quote',
  passage: 'newsAnnotator.passage',
  entity: 'newsAnnotator.entity',
  mention: 'newsAnnotator.mention',
  annotation: 'newsAnnotator.annotation',
  orphanedAnnotation: 'newsAnnotator.annotation.orphaned',
  fuzzyAnnotation: 'newsAnnotator.annotation.fuzzy',
  tag: 'newsAnnotator.tag',
} as const;

export const NEWS_LANGUAGE_ID = 'news';
