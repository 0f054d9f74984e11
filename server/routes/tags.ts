import { createTag, listTags } from '../domain/tags.js';
import { requireSpace } from '../domain/users.js';
import { inputOf, type Handler } from '../http/env.js';

export const listTagsRoute: Handler = async (c) => {
  const { spaceId } = inputOf(c, 'listTags').query;
  requireSpace(c.get('viewer'), spaceId);
  return c.json(await listTags(c.get('services').db, spaceId));
};

export const createTagRoute: Handler = async (c) => {
  const { body } = inputOf(c, 'createTag');
  return c.json(await createTag(c.get('services').db, c.get('viewer'), body), 201);
};
