// The names that the articles of one store transaction give (sources, topics, people) as ids: found
// among those stored by name, alias or old slug, or created. Each article's names are matched as if
// it were stored alone, after the articles before it in the transaction; then everything new is
// written in one statement, however many articles the transaction holds (src/ingest/store.ts).
import type { SqlSession } from '../db/writer.js';
import type { ArticleDraft, PersonDraft } from './draft.js';
import { isSamePersonName, normalizeName, surnameOf } from './identity.js';
import { agencyName } from './lexicon/news-agencies.js';
import { slugify } from './slug.js';

/** Agencies are credited by their initials ("AP"); store them under their full name. */
export function canonicalSourceName(name: string): string {
  return agencyName(name) ?? name.trim();
}

/** What an article names: its sources (publisher and contributors), topics and people (authors too). */
export interface ArticleNames {
  sources: string[];
  topics: string[];
  people: PersonDraft[];
}

export function namesOf(draft: ArticleDraft): ArticleNames {
  return {
    sources: [draft.source, ...draft.contributors].filter((name): name is string => Boolean(name)).map(canonicalSourceName),
    topics: draft.topics,
    people: [...draft.people, ...draft.authors.map((name) => ({ name, aliases: [], role: null, affiliation: null }))],
  };
}

/** The normalized names (and surnames) under which an article's people may be stored already. */
export function personKeysOf(names: ArticleNames): string[] {
  return [...new Set(names.people.flatMap((person) => [normalizeName(person.name), surnameOf(person.name)]).filter(Boolean))];
}

/** A person stored before the transaction, with every name they are known by (their name first). */
export interface StoredPerson {
  id: number;
  names: string[];
  role: string | null;
  affiliation: string | null;
}

/** What the database held of the transaction's names before it wrote any (read with its articles). */
export interface StoredNames {
  /** Sources and topics by slug, old slugs of renamed or merged ones included. */
  sourceIds: Map<string, number>;
  topicIds: Map<string, number>;
  /** People stored under any of the articles' person keys, in id order. */
  people: StoredPerson[];
  /** Which slugs of the articles' people's names are taken (for new people's slugs). */
  takenPersonSlugs: Set<string>;
}

/** A person as the register knows them: stored (an id), or new in this transaction (a slug, an id once written). */
interface RegisteredPerson {
  id: number | null;
  slug: string | null;
  names: string[];
  role: string | null;
  affiliation: string | null;
}

/** One article's names as registered: which registered person each of its person drafts is. */
export interface RegisteredNames {
  names: ArticleNames;
  owners: Map<PersonDraft, RegisteredPerson>;
}

/** The ids an article's names became: sources and topics by name, people by their draft's name. */
export interface NameIds {
  sourceIds: Map<string, number>;
  topicIds: Map<string, number>;
  personIds: Map<string, number>;
}

/** Sources or topics by slug: an id once stored, null while waiting to be created. */
class NamedThings {
  readonly ids: Map<string, number | null>;
  /** Names to create, by slug, in the order first given. */
  readonly missing = new Map<string, string>();

  constructor(stored: Map<string, number>) {
    this.ids = new Map(stored);
  }

  add(names: string[]): void {
    for (const name of names) {
      const slug = slugify(name);
      if (this.ids.has(slug)) continue;
      this.ids.set(slug, null);
      this.missing.set(slug, name);
    }
  }

  idsByName(names: string[], kind: string): Map<string, number> {
    return new Map(
      names.map((name) => {
        const id = this.ids.get(slugify(name));
        // Possible only for a name stored under another slug (slugify changed since).
        if (id === undefined || id === null) throw new Error(`${kind} "${name}" could not be stored or found`);
        return [name, id];
      }),
    );
  }
}

/**
 * The sources, topics and people of one transaction's articles. `register` each article in order,
 * then `write` once, then read each article's ids with `idsOf`.
 */
export class NameRegister {
  private readonly sources: NamedThings;
  private readonly topics: NamedThings;
  private readonly people: RegisteredPerson[] = [];
  /** People by every normalized form of their names, each list in the order they became known. */
  private readonly peopleByName = new Map<string, RegisteredPerson[]>();
  private readonly order = new Map<RegisteredPerson, number>();
  private readonly takenPersonSlugs: Set<string>;
  /** Stored people given a role or affiliation they lacked. */
  private readonly filledIn = new Set<RegisteredPerson>();
  /** Every form of every person's name the articles use, once per person. */
  private readonly aliases: { person: RegisteredPerson; alias: string; normalized: string }[] = [];
  private readonly aliasKeys = new Set<string>();

  constructor(stored: StoredNames) {
    this.sources = new NamedThings(stored.sourceIds);
    this.topics = new NamedThings(stored.topicIds);
    this.takenPersonSlugs = new Set(stored.takenPersonSlugs);
    for (const person of stored.people) this.know({ ...person, names: [...person.names], slug: null });
  }

  private know(person: RegisteredPerson): void {
    this.order.set(person, this.people.push(person));
    for (const name of person.names) this.index(person, name);
  }

  private index(person: RegisteredPerson, name: string): void {
    const key = normalizeName(name);
    const list = this.peopleByName.get(key);
    if (!list) this.peopleByName.set(key, [person]);
    else if (!list.includes(person)) list.push(person);
  }

  /** The people stored under any of an article's person keys, as reading them for that article alone would give. */
  private candidates(names: ArticleNames): RegisteredPerson[] {
    const found = new Set<RegisteredPerson>();
    for (const key of personKeysOf(names)) for (const person of this.peopleByName.get(key) ?? []) found.add(person);
    return [...found].sort((left, right) => this.order.get(left)! - this.order.get(right)!);
  }

  /**
   * Registers an article's names. People are merged with those known (stored, or new in an article
   * before this one) and with each other: an author may also be named in the story.
   */
  async register(session: SqlSession, names: ArticleNames): Promise<RegisteredNames> {
    this.sources.add(names.sources);
    this.topics.add(names.topics);

    const known = this.candidates(names);
    const owners = new Map<PersonDraft, RegisteredPerson>();
    const newPeople: { draft: PersonDraft; person: RegisteredPerson }[] = [];
    for (const draft of names.people) {
      const match = matchPerson(draft, known);
      const other = match ? undefined : newPeople.find(({ draft: first }) => first.name === draft.name || isSamePersonName(first.name, draft.name));
      if (match) owners.set(draft, match);
      else if (other) owners.set(draft, other.person);
      else {
        const person: RegisteredPerson = { id: null, slug: null, names: [draft.name], role: draft.role, affiliation: draft.affiliation };
        newPeople.push({ draft, person });
        owners.set(draft, person);
      }
    }
    const slugs = await freePersonSlugs(session, newPeople.map(({ draft }) => draft.name), this.takenPersonSlugs);
    newPeople.forEach(({ person }, index) => (person.slug = slugs[index]!));

    // Keep what is known of a person; fill in what was missing.
    const created = new Set(newPeople.map(({ person }) => person));
    for (const [draft, owner] of owners) {
      if (created.has(owner)) continue;
      if ((!owner.role && draft.role) || (!owner.affiliation && draft.affiliation)) {
        owner.role ??= draft.role;
        owner.affiliation ??= draft.affiliation;
        // A person new in an earlier article of the transaction is created with what is filled in.
        if (owner.id !== null) this.filledIn.add(owner);
      }
    }
    for (const person of created) this.know(person);
    for (const [draft, owner] of owners) {
      for (const alias of [draft.name, ...draft.aliases]) {
        const normalized = normalizeName(alias);
        const key = `${owner.id ?? `new:${owner.slug}`}\u0000${normalized}`;
        if (this.aliasKeys.has(key)) continue;
        this.aliasKeys.add(key);
        this.aliases.push({ person: owner, alias, normalized });
        if (!owner.names.includes(alias)) owner.names.push(alias);
        this.index(owner, alias);
      }
    }
    return { names, owners };
  }

  /**
   * Creates the sources, topics and people not stored yet, fills in what stored people lacked, and
   * records every new form of every name, in one statement.
   */
  async write(session: SqlSession, now: string): Promise<void> {
    const newPeople = this.people.filter((person) => person.id === null);
    const filledIn = [...this.filledIn];
    if (this.sources.missing.size === 0 && this.topics.missing.size === 0 && newPeople.length === 0 && filledIn.length === 0 && this.aliases.length === 0) {
      return;
    }
    const created = await session.query<{ kind: 'source' | 'topic' | 'person'; id: number; slug: string }>(
      // A source or topic that a concurrent ingest stores meanwhile is neither inserted nor returned
      // here (ON CONFLICT DO NOTHING); a second statement reads it below. A person it stores
      // meanwhile under the same slug is a unique violation: the store tries the transaction again.
      `WITH new_source AS (
         INSERT INTO "Source" ("slug", "name", "createdAt")
         SELECT "slug", "name", $1::timestamp FROM unnest($2::text[], $3::text[]) AS source("slug", "name")
         ON CONFLICT DO NOTHING
         RETURNING "id", "slug"),
       new_topic AS (
         INSERT INTO "Topic" ("slug", "name", "createdAt")
         SELECT "slug", "name", $1::timestamp FROM unnest($4::text[], $5::text[]) AS topic("slug", "name")
         ON CONFLICT DO NOTHING
         RETURNING "id", "slug"),
       new_person AS (
         INSERT INTO "Person" ("slug", "name", "role", "affiliation", "createdAt")
         SELECT "slug", "name", "role", "affiliation", $1::timestamp
         FROM unnest($6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY AS person("slug", "name", "role", "affiliation", "order")
         ORDER BY person."order"
         RETURNING "id", "slug"),
       updated_person AS (
         UPDATE "Person" SET "role" = coalesce("Person"."role", known."role"), "affiliation" = coalesce("Person"."affiliation", known."affiliation")
         FROM unnest($10::int[], $11::text[], $12::text[]) AS known("id", "role", "affiliation")
         WHERE "Person"."id" = known."id"),
       new_alias AS (
         INSERT INTO "PersonAlias" ("personId", "alias", "normalized")
         SELECT coalesce(alias."personId", new_person."id"), alias."alias", alias."normalized"
         FROM unnest($13::int[], $14::text[], $15::text[], $16::text[]) WITH ORDINALITY AS alias("personId", "newSlug", "alias", "normalized", "order")
         LEFT JOIN new_person ON new_person."slug" = alias."newSlug"
         WHERE NOT EXISTS (
           SELECT FROM "PersonAlias" stored WHERE stored."personId" = alias."personId" AND stored."normalized" = alias."normalized")
         ORDER BY alias."order"
         ON CONFLICT DO NOTHING)
       SELECT 'source' AS "kind", "id", "slug" FROM new_source
       UNION ALL SELECT 'topic', "id", "slug" FROM new_topic
       UNION ALL SELECT 'person', "id", "slug" FROM new_person`,
      [
        now,
        [...this.sources.missing.keys()],
        [...this.sources.missing.values()],
        [...this.topics.missing.keys()],
        [...this.topics.missing.values()],
        newPeople.map((person) => person.slug),
        newPeople.map((person) => person.names[0]),
        newPeople.map((person) => person.role),
        newPeople.map((person) => person.affiliation),
        filledIn.map((person) => person.id),
        filledIn.map((person) => person.role),
        filledIn.map((person) => person.affiliation),
        this.aliases.map(({ person }) => person.id),
        this.aliases.map(({ person }) => (person.id === null ? person.slug : null)),
        this.aliases.map(({ alias }) => alias),
        this.aliases.map(({ normalized }) => normalized),
      ],
    );
    const createdPeople = new Map<string, number>();
    for (const row of created) {
      if (row.kind === 'person') createdPeople.set(row.slug, row.id);
      else (row.kind === 'source' ? this.sources : this.topics).ids.set(row.slug, row.id);
    }
    for (const person of newPeople) person.id = createdPeople.get(person.slug!)!;
    await this.findCommittedMeanwhile(session, 'Source', this.sources);
    await this.findCommittedMeanwhile(session, 'Topic', this.topics);
  }

  private async findCommittedMeanwhile(session: SqlSession, table: 'Source' | 'Topic', things: NamedThings): Promise<void> {
    const slugs = [...things.missing.keys()].filter((slug) => things.ids.get(slug) === null);
    if (slugs.length === 0) return;
    const rows = await session.query<{ id: number; slug: string }>(`SELECT "id", "slug" FROM "${table}" WHERE "slug" = ANY($1::text[])`, [slugs]);
    for (const row of rows) things.ids.set(row.slug, row.id);
  }

  /** An article's ids, once written. */
  idsOf({ names, owners }: RegisteredNames): NameIds {
    return {
      sourceIds: this.sources.idsByName(names.sources, 'Source'),
      topicIds: this.topics.idsByName(names.topics, 'Topic'),
      personIds: new Map([...owners].map(([draft, owner]) => [draft.name, owner.id!])),
    };
  }
}

/** The known person `draft` names: by full name, or, for a one-word name ("Madonna"), that exact name. */
function matchPerson(draft: PersonDraft, people: RegisteredPerson[]): RegisteredPerson | undefined {
  return (
    people.find((person) => person.names.some((known) => isSamePersonName(known, draft.name))) ??
    (draft.name.includes(' ') ? undefined : people.find((person) => normalizeName(person.names[0]!) === normalizeName(draft.name)))
  );
}

/** Slugs not yet taken for new people: "sergey-lavrov", else "sergey-lavrov-2", "-3"... */
async function freePersonSlugs(session: SqlSession, names: string[], taken: Set<string>): Promise<string[]> {
  const bases = names.map(slugify);
  // Only a base that is taken needs its numbered forms read (a scan: slugs have no prefix index).
  // Slugs are [a-z0-9-] only, so a base holds no LIKE wildcard.
  const numbered = [...new Set(bases.filter((base) => taken.has(base)))].map((base) => `${base}-%`);
  if (numbered.length > 0) {
    const rows = await session.query<{ slug: string }>(
      `SELECT "slug" FROM "Person" WHERE "slug" LIKE ANY($1::text[])
       UNION SELECT "slug" FROM "Redirect" WHERE "type" = 'Person' AND "slug" LIKE ANY($1::text[])`,
      [numbered],
    );
    for (const row of rows) taken.add(row.slug);
  }
  return bases.map((base) => {
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}-${suffix}`;
    taken.add(slug);
    return slug;
  });
}
