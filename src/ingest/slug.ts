// URL-safe keys for articles, people, topics and sources ("Sergey Lavrov" -> "sergey-lavrov").

const MAX_SLUG_LENGTH = 80;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const trimmed = slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/g, '');
  return trimmed || 'untitled';
}
