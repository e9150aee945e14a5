import type { Component, Group } from '../../core/model.ts';
import { slugify } from '../../core/slug.ts';

export interface NewComponent {
  id: string;
  name: string;
  group?: string;
  description?: string;
  /** YYYY-MM-DD: the day the other status page created it. */
  since?: string;
}

/** What another status page says about a component besides its name. */
interface ComponentDetails {
  group?: string;
  description?: string;
  since?: string;
}

/**
 * Finds the Candor component for a name another status page used (by name, then by id, ignoring
 * case), and declares a new one when there is none, with an id that is free.
 */
export class ComponentRegistry {
  readonly added: NewComponent[] = [];
  readonly addedGroups: Group[] = [];
  private readonly components: { id: string; name: string }[];
  private readonly groups: Group[];

  constructor(components: readonly Component[], groups: readonly Group[]) {
    this.components = components.map((c) => ({ id: c.id, name: c.name }));
    this.groups = [...groups];
  }

  idFor(name: string, details: ComponentDetails = {}): string {
    const wanted = name.trim().toLowerCase();
    const known =
      this.components.find((c) => c.name.toLowerCase() === wanted) ??
      this.components.find((c) => c.id === slugify(name, 'component'));
    if (known) return known.id;
    const id = freeId(
      slugify(name, 'component'),
      this.components.map((c) => c.id),
    );
    const group = details.group ? this.groupFor(details.group) : undefined;
    const description = details.description?.trim();
    const added: NewComponent = {
      id,
      name: name.trim(),
      ...(group ? { group } : {}),
      ...(description ? { description } : {}),
      ...(details.since ? { since: details.since } : {}),
    };
    this.components.push(added);
    this.added.push(added);
    return id;
  }

  /** The group of that name (by name, then id), declared with its description when there is none. */
  groupFor(name: string, description?: string): string {
    const wanted = name.trim().toLowerCase();
    const known = this.groups.find(
      (g) => g.name.toLowerCase() === wanted || g.id === slugify(name, 'group'),
    );
    if (known) return known.id;
    const group: Group = {
      id: freeId(
        slugify(name, 'group'),
        this.groups.map((g) => g.id),
      ),
      name: name.trim(),
      visibility: 'public',
      ...(description?.trim() ? { description: description.trim() } : {}),
    };
    this.groups.push(group);
    this.addedGroups.push(group);
    return group.id;
  }
}

function freeId(base: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.includes(id)) return id;
  }
}
