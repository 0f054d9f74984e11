// The Details' editors, a lazy chunk: a page loads them when someone first presses Edit or
// Create Contact, not to show the Details.
import type { ReactiveElement } from 'lit';
import { AssignmentEditor, type AssignmentEditorOptions } from './assignment-editor.js';
import { ContactEditor, type ContactEditorHost, type ContactEditorOptions } from './contact-editor.js';
import { TagsEditor, type TagsEditorOptions } from './tags-editor.js';

export interface DetailsEditors {
  contact: ContactEditor;
  assignment: AssignmentEditor;
  tags: TagsEditor;
}

export interface DetailsEditorsOptions {
  contact: ContactEditorOptions;
  assignment: AssignmentEditorOptions;
  tags: TagsEditorOptions;
}

export function createEditors(
  host: ReactiveElement & ContactEditorHost,
  options: DetailsEditorsOptions,
): DetailsEditors {
  return {
    contact: new ContactEditor(host, options.contact),
    assignment: new AssignmentEditor(host, options.assignment),
    tags: new TagsEditor(host, options.tags),
  };
}
