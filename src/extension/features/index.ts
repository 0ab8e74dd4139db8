/**
 * Every feature of the extension, in the order extension.ts registers them. A feature is a folder here whose
 * index.ts exports `register(ctx: FeatureContext): void` (see featureContext.ts); features never import each
 * other (ESLint enforces it). Add a new feature by adding its folder and one line below.
 */
import type { Feature } from '../featureContext';
import { register as annotationChange } from './annotationChange';
import { register as annotationCommands } from './annotationCommands';
import { register as articlesView } from './articlesView';
import { register as corpusCommands } from './corpusCommands';
import { register as correctSpeaker } from './correctSpeaker';
import { register as dashboard } from './dashboard';
import { register as decorations } from './decorations';
import { register as editorContext } from './editorContext';
import { register as entityCommands } from './entityCommands';
import { register as exportCommands } from './exportCommands';
import { register as hovers } from './hovers';
import { register as importWebPage } from './importWebPage';
import { register as navigation } from './navigation';
import { register as noteEditor } from './noteEditor';
import { register as surfaces } from './surfaces';
import { register as tagCommands } from './tagCommands';

export const features: readonly Feature[] = [
  editorContext,
  articlesView,
  decorations,
  surfaces,
  hovers,
  annotationCommands,
  annotationChange,
  noteEditor,
  navigation,
  tagCommands,
  exportCommands,
  corpusCommands,
  entityCommands,
  importWebPage,
  correctSpeaker,
  dashboard,
];
