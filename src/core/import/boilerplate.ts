/**
 * Page furniture removed before and after Readability: elements that are never article text (scripts,
 * forms, navigation, figures and their captions, share bars, related-links lists, sign-up boxes,
 * advertising, comments), found by tag, ARIA role and class/id tokens; and paragraphs that read as
 * furniture once the text is out ("Read more: …", "Sign up to our newsletter", "Photograph: X/Reuters").
 */
import { all, cleanText, type DomDocument, type DomElement } from './dom';

const NEVER_TEXT = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'form', 'button', 'input', 'select',
  'textarea', 'dialog', 'figure', 'figcaption', 'picture', 'video', 'audio', 'nav', 'aside', 'footer', 'menu',
  '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]', '[role="banner"]', '[role="dialog"]', '[role="alert"]',
  '[aria-hidden="true"]', '[hidden]',
].join(',');

/** A class or id token naming furniture: `share-bar`, `related_links`, `newsletter-signup`, `ad-slot`, `caption`. */
const FURNITURE_TOKEN =
  /(?:^|[-_])(?:share|sharing|sharetools|social|socials|related|recommend|recommended|recommendations|newsletter|newsletters|signup|sign-up|subscribe|subscription|promo|promos|advert|adverts|advertisement|advertising|ad|ads|adslot|ad-slot|dfp|outbrain|taboola|comments?|breadcrumbs?|mostread|most-read|popular|trending|readmore|read-more|also-read|alsoread|more-stories|morestories|caption|credits?|toolbar|tools|print|byline-share|sidebar|rail|teaser-list|tags?-list|topics-list|author-bio|cookie|consent|paywall-prompt|inline-cta|cta|pullquote|pull-quote|live-updates-list|video-player|embed|podcast-promo|twitter-tweet|twitter-timeline|instagram-media|tiktok-embed|ad-container|ad-wrapper)(?:[-_]|$)/i;

function tokensOf(el: DomElement): string[] {
  return `${el.className || ''} ${el.id || ''}`.split(/\s+/).filter((t) => t.length > 0);
}

/** Long paragraphs inside `el` (article text, which a furniture box rarely holds three of). */
function longParagraphs(el: DomElement): number {
  let n = 0;
  for (const p of all(el, 'p')) if (cleanText(p.textContent).length > 150 && ++n >= 3) break;
  return n;
}

/** Removes furniture elements from the document, in place, before Readability scores it. */
export function removeFurnitureElements(doc: DomDocument): void {
  for (const el of all(doc, NEVER_TEXT)) {
    // a figure that wraps a whole story (some sites do that) is not a picture
    if (el.tagName === 'FIGURE' || el.tagName === 'ASIDE' || el.tagName === 'FOOTER') {
      if (longParagraphs(el) >= 3) continue;
    }
    el.remove();
  }
  const body = doc.body;
  if (!body) return;
  const bodyLen = cleanText(body.textContent).length || 1;
  for (const el of all(body, '[class], [id]')) {
    if (/^(?:HTML|BODY|MAIN|ARTICLE)$/.test(el.tagName)) continue;
    if (!tokensOf(el).some((t) => FURNITURE_TOKEN.test(t))) continue;
    const len = cleanText(el.textContent).length;
    if (len > bodyLen * 0.4 || longParagraphs(el) >= 3) continue; // holds the story: a class name is not enough
    el.remove();
  }
}

const FURNITURE_PARAGRAPH: RegExp[] = [
  /^(?:advertisement|advert|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading(?: below)?)$/i,
  /^(?:also read|read more|read also|related|see also|more on this(?: story)?|recommended|most read|most popular|you (?:may|might) also like|watch|listen|more from\b)\b/i,
  /^(?:sign up|subscribe|get (?:our|the) .{0,40}newsletter|join (?:our|the) .{0,40}newsletter)\b/i,
  /\bnewsletter\b.{0,60}\b(?:sign up|subscribe|inbox)\b/i,
  /^(?:share|share this(?: article| story)?|share on \w+|tweet|email|print|copy link|save)(?:\s*[|·,]\s*\w+)*$/i,
  /^(?:photograph|photo|image|picture|illustration|credit|video)s?\s*:/i,
  /(?:photograph|photo|image|picture|illustration|credit)s?\s*:\s*[^.]{0,80}$/i,
  /\/\s*(?:getty images|reuters|afp|ap|epa(?:-efe)?|shutterstock|alamy|pa(?: media| wire)?|bloomberg)\)?$/i,
  /^(?:copyright|©)\s/i,
  /^(?:published|updated|last updated|first published)\b.{0,60}$/i,
  // labels major sites leave in their article markup
  /^(?:image|media|video) (?:source|caption)\s*,/i,
  /^(?:supported by|skip advertisement|listen to this article|share full article|related topics|more on this story|top stories|\d+ min(?:ute)?s? read|_{3,}|-{3,}|\*{3,})$/i,
  /^(?:reporting by|writing by|editing by|additional reporting by|compiled by)\s+\p{Lu}.{0,160}$/iu,
  /^our standards:/i,
];

/** Paywall prompts: the page gives a teaser, not the article. */
export const PAYWALL = /\b(?:subscribe|sign in|log in|register|become a (?:subscriber|member))\b.{0,40}\b(?:to (?:continue|keep) reading|to read (?:the|this) (?:full |whole |rest of the )?(?:article|story))|\b(?:this (?:article|story|content) is (?:for|only available to|exclusive to) (?:subscribers|members))|\bsubscriber[- ]only\b|\bto continue reading,? (?:subscribe|sign in|log in)/i;

/** True for a paragraph that is page furniture once extracted (short lines only: body text is never dropped). */
export function isFurnitureParagraph(p: string): boolean {
  if (p.length > 220) return false;
  if (/[.!?]["”’)]?\s+["“‘(]?\p{Lu}/u.test(p) && p.length > 120) return false; // several sentences: body text
  return FURNITURE_PARAGRAPH.some((re) => re.test(p)) || PAYWALL.test(p);
}

/** A byline or a date label left at the top of the text ("By Ann Lee", "Updated 5 March 2025 06:00"). */
export function isTopLabel(p: string): boolean {
  return p.length < 100 && (/^(?:by|written by|words by|reporting by)\s+\p{Lu}/iu.test(p) || /^(?:published|updated|last updated)\b/i.test(p));
}
