import { action, ActionError, type ActionDefinition } from '../registry';
import { p } from '../params';
import type { Collection } from '../../engine/collection';
import type { Notetype } from '../../engine/model/types';
import { notetypeById } from '../../engine/notetypes/store';
import { requireNotetypeNamed } from '../../engine/notetypes/change';
import { checkNewNotetype, createNotetype } from '../../engine/notetypes/create';
import { addField, removeField, renameField, repositionField, requireField, setFieldOptions } from '../../engine/notetypes/fields';
import {
  addTemplate,
  findAndReplaceInNotetypes,
  removeTemplate,
  renameTemplate,
  repositionTemplate,
  setNotetypeCss,
  updateTemplateFormats,
} from '../../engine/notetypes/templates';
import { notetypeJson } from './models/json';
import { fieldsOnTemplates, notetypesByName } from './models/read';
import { parseCardTemplates, parseTemplateUpdates, requireKey, requireStringKey } from './models/write';
import { pyStr, pyTruthy } from './models/py';

const model = (col: Collection, name: string): Notetype => requireNotetypeNamed(col, name);

function modelById(col: Collection, id: number): Notetype {
  const nt = notetypeById(col, id);
  if (!nt) throw new ActionError(`model was not found: ${id}`);
  return nt;
}

const modelName = { modelName: p.string() };

/** Reading note types. */
const readActions: ActionDefinition[] = [
  action('modelNames', {}, (ctx) => notetypesByName(ctx.host.collection()).map((nt) => nt.name)),

  action('modelNamesAndIds', {}, (ctx) =>
    Object.fromEntries(notetypesByName(ctx.host.collection()).map((nt) => [nt.name, nt.id])),
  ),

  action('findModelsById', { modelIds: p.array(p.id()) }, (ctx, { modelIds }) =>
    modelIds.map((id) => notetypeJson(modelById(ctx.host.collection(), id))),
  ),

  action('findModelsByName', { modelNames: p.array(p.string()) }, (ctx, { modelNames }) =>
    modelNames.map((name) => notetypeJson(model(ctx.host.collection(), name))),
  ),

  action('modelNameFromId', { modelId: p.id() }, (ctx, { modelId }) => modelById(ctx.host.collection(), modelId).name),

  action('modelFieldNames', modelName, (ctx, { modelName }) => model(ctx.host.collection(), modelName).flds.map((f) => f.name)),

  action('modelFieldDescriptions', modelName, (ctx, { modelName }) =>
    model(ctx.host.collection(), modelName).flds.map((f) => f.description ?? ''),
  ),

  action('modelFieldFonts', modelName, (ctx, { modelName }) =>
    Object.fromEntries(model(ctx.host.collection(), modelName).flds.map((f) => [f.name, { font: f.font, size: f.size }])),
  ),

  action('modelFieldsOnTemplates', modelName, (ctx, { modelName }) => fieldsOnTemplates(model(ctx.host.collection(), modelName))),

  action('modelTemplates', modelName, (ctx, { modelName }) =>
    Object.fromEntries(model(ctx.host.collection(), modelName).tmpls.map((t) => [t.name, { Front: t.qfmt, Back: t.afmt }])),
  ),

  action('modelStyling', modelName, (ctx, { modelName }) => ({ css: model(ctx.host.collection(), modelName).css })),
];

/** Creating note types and changing templates and styling. */
const templateActions: ActionDefinition[] = [
  action(
    'createModel',
    {
      modelName: p.string(),
      inOrderFields: p.array(p.string()),
      cardTemplates: p.array(p.any()),
      css: p.optional(p.nullable(p.string()), null),
      isCloze: p.optional(p.any(), false),
    },
    (ctx, params) => {
      const col = ctx.host.collection();
      checkNewNotetype(col, params.modelName, params.inOrderFields.length, params.cardTemplates.length);
      const created = createNotetype(col, {
        name: params.modelName,
        fields: params.inOrderFields,
        templates: parseCardTemplates(params.cardTemplates),
        css: params.css,
        cloze: pyTruthy(params.isCloze),
      });
      return notetypeJson(created);
    },
  ),

  action('updateModelTemplates', { model: p.any() }, (ctx, { model: spec }) => {
    const col = ctx.host.collection();
    const nt = model(col, requireStringKey(spec, 'name', 'model'));
    updateTemplateFormats(col, nt.id, parseTemplateUpdates(requireKey(spec, 'templates', 'model')));
    return null;
  }),

  action('updateModelStyling', { model: p.any() }, (ctx, { model: spec }) => {
    const col = ctx.host.collection();
    const nt = model(col, requireStringKey(spec, 'name', 'model'));
    setNotetypeCss(col, nt.id, requireStringKey(spec, 'css', 'model'));
    return null;
  }),

  action(
    'findAndReplaceInModels',
    {
      modelName: p.nullable(p.string()),
      findText: p.string(),
      replaceText: p.string(),
      front: p.optional(p.any(), true),
      back: p.optional(p.any(), true),
      css: p.optional(p.any(), true),
    },
    (ctx, params) => {
      const col = ctx.host.collection();
      const ids = params.modelName ? [model(col, params.modelName).id] : null;
      return findAndReplaceInNotetypes(col, ids, params.findText, params.replaceText, {
        front: pyTruthy(params.front),
        back: pyTruthy(params.back),
        css: pyTruthy(params.css),
      });
    },
  ),

  action(
    'modelTemplateRename',
    { modelName: p.string(), oldTemplateName: p.string(), newTemplateName: p.string() },
    (ctx, params) => {
      const col = ctx.host.collection();
      renameTemplate(col, model(col, params.modelName).id, params.oldTemplateName, params.newTemplateName);
      return null;
    },
  ),

  action('modelTemplateReposition', { modelName: p.string(), templateName: p.string(), index: p.int() }, (ctx, params) => {
    const col = ctx.host.collection();
    repositionTemplate(col, model(col, params.modelName).id, params.templateName, params.index);
    return null;
  }),

  action('modelTemplateAdd', { modelName: p.string(), template: p.any() }, (ctx, { modelName, template }) => {
    const col = ctx.host.collection();
    const nt = model(col, modelName);
    const name = requireStringKey(template, 'Name', 'template');
    addTemplate(col, nt.id, {
      name,
      qfmt: requireStringKey(template, 'Front', 'template'),
      afmt: requireStringKey(template, 'Back', 'template'),
    });
    return null;
  }),

  action('modelTemplateRemove', { modelName: p.string(), templateName: p.string() }, (ctx, params) => {
    const col = ctx.host.collection();
    removeTemplate(col, model(col, params.modelName).id, params.templateName);
    return null;
  }),
];

/** Changing fields. */
const fieldActions: ActionDefinition[] = [
  action('modelFieldRename', { modelName: p.string(), oldFieldName: p.string(), newFieldName: p.string() }, (ctx, params) => {
    const col = ctx.host.collection();
    renameField(col, model(col, params.modelName).id, params.oldFieldName, params.newFieldName);
    return null;
  }),

  action('modelFieldReposition', { modelName: p.string(), fieldName: p.string(), index: p.int() }, (ctx, params) => {
    const col = ctx.host.collection();
    repositionField(col, model(col, params.modelName).id, params.fieldName, params.index);
    return null;
  }),

  action(
    'modelFieldAdd',
    { modelName: p.string(), fieldName: p.string(), index: p.optional(p.nullable(p.int()), null) },
    (ctx, params) => {
      const col = ctx.host.collection();
      addField(col, model(col, params.modelName).id, params.fieldName, params.index);
      return null;
    },
  ),

  action('modelFieldRemove', { modelName: p.string(), fieldName: p.string() }, (ctx, params) => {
    const col = ctx.host.collection();
    removeField(col, model(col, params.modelName).id, params.fieldName);
    return null;
  }),

  action('modelFieldSetFont', { modelName: p.string(), fieldName: p.string(), font: p.any() }, (ctx, params) => {
    const col = ctx.host.collection();
    const nt = model(col, params.modelName);
    requireField(col, nt.id, params.fieldName);
    if (typeof params.font !== 'string') throw new ActionError(`font should be a string: ${pyStr(params.font)}`);
    setFieldOptions(col, nt.id, params.fieldName, { font: params.font });
    return null;
  }),

  action('modelFieldSetFontSize', { modelName: p.string(), fieldName: p.string(), fontSize: p.any() }, (ctx, params) => {
    const col = ctx.host.collection();
    const nt = model(col, params.modelName);
    requireField(col, nt.id, params.fieldName);
    const size = params.fontSize;
    if (typeof size !== 'number' || !Number.isInteger(size)) throw new ActionError(`fontSize should be an integer: ${pyStr(size)}`);
    if (size < 0 || size > 0xffff_ffff) throw new ActionError(`Value out of range: ${size}`);
    setFieldOptions(col, nt.id, params.fieldName, { size });
    return null;
  }),

  action('modelFieldSetDescription', { modelName: p.string(), fieldName: p.string(), description: p.any() }, (ctx, params) => {
    const col = ctx.host.collection();
    const nt = model(col, params.modelName);
    requireField(col, nt.id, params.fieldName);
    if (typeof params.description !== 'string') {
      throw new ActionError(`description should be a string: ${pyStr(params.description)}`);
    }
    setFieldOptions(col, nt.id, params.fieldName, { description: params.description });
    return true;
  }),
];

export const modelActions: ActionDefinition[] = [...readActions, ...templateActions, ...fieldActions];
