// Phrases that scraped news pages print around the story: navigation, sharing, ads, promos.

/** A line made only of these phrases (possibly run together) is page chrome. Lower case. */
export const PAGE_CHROME_PHRASES: readonly string[] = [
  'stories continue below', 'story continues below', 'story continues below advertisement', 'continue reading',
  'continue reading below', 'article continues below', 'print this page', 'print', 'email this page',
  'related stories', 'related story', 'related articles', 'related content', 'related topics', 'related',
  'more on this story', 'more stories', 'more from', 'top stories', 'most read', 'most popular', 'most viewed',
  'accessibility links', 'skip to content', 'skip to main content', 'skip to navigation', 'skip navigation',
  'breaking news', 'live', 'latest news', 'news', 'home', 'menu', 'search', 'close', 'sign in', 'log in', 'login',
  'subscribe', 'subscribe now', 'sign up', 'newsletter', 'sign up for our newsletter', 'share', 'share this',
  'share this article', 'share this story', 'share on facebook', 'share on twitter', 'share via email', 'tweet',
  'facebook', 'twitter', 'whatsapp', 'linkedin', 'email', 'copy link', 'link copied', 'comments', 'comment',
  'view comments', 'show comments', 'hide caption', 'toggle caption', 'enlarge this image', 'image',
  'advertisement', 'advertising', 'sponsored', 'sponsored content', 'ad', 'read more', 'read next', 'see also',
  'watch', 'watch video', 'video', 'listen', 'listen to this article', 'play video', 'media playback is unsupported on your device',
  'image copyright', 'image caption', 'getty images', 'photo', 'photos', 'gallery', 'back to top', 'top',
  'follow us', 'follow us on twitter', 'follow us on facebook', 'download the app', 'cookie policy', 'privacy policy',
  'terms of use', 'all rights reserved', 'you may also like', 'recommended', 'trending', 'editor\'s picks',
  'previous article', 'next article', 'next story', 'previous', 'next', 'loading', 'loading...', 'advertisement:',
  'report an error', 'give feedback', 'feedback', 'topics', 'tags', 'more', 'world', 'politics', 'business',
  'supported by', 'skip advertisement', 'gift this article', 'save', 'save article', 'saved', 'listen to this story',
  'most read', 'more on this story', 'related topics', 'in other news', 'from our partners', 'popular now',
  'more top stories', 'latest stories', 'what to read next', 'you might also like', 'around the web',
];

/** Whole lines of chrome that carry a number: reading times and relative publication times. */
export const PAGE_CHROME_PATTERNS: readonly RegExp[] = [
  // "Get Our Top Investigations Subscribe to the Big Story newsletter.", "Follow Nightengale on Twitter and Facebook"
  /\bsubscribe\b.{0,60}\bnewsletter\b/iu,
  /^follow .{1,60} on (?:twitter|facebook|instagram|x|linkedin|threads|bluesky|tiktok)\b/iu,
  /^(?:contact|email) (?:the )?(?:reporter|author|writer)s?\b/iu,
  /^\d+\s*(?:min|mins|minute|minutes)\s+read$/iu,
  /^(?:published|updated|posted|last updated)\s*:?\s*\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$/iu,
];

/** Phrases after which the page lists other stories: short link-like lines that follow are chrome too. */
export const RELATED_LIST_MARKERS: readonly string[] = [
  'related stories', 'related story', 'related articles', 'related content', 'more on this story', 'more stories',
  'top stories', 'most read', 'most popular', 'most viewed', 'you may also like', 'recommended', 'read next', 'trending',
  'in other news', 'from our partners', 'more from', 'popular now', 'more top stories', 'latest stories', 'what to read next',
  'you might also like', 'more in', 'around the web',
];

/** Line openings that mark chrome whatever follows ("Read more: ...", "Copyright 2019 ..."). Lower case. */
export const PAGE_CHROME_PREFIXES: readonly string[] = [
  'read more:', 'read more about', 'read more ', 'see also:', 'related:', 'copyright ©', 'copyright (c)', '©', 'click here',
  'sign up for', 'subscribe to', 'follow us on', 'download our app', 'this article was amended',
  'this story has been corrected', 'all rights reserved', 'advertisement -', 'follow @',
  'a version of this article appears in print',
];
