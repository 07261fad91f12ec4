import { action, type ActionDefinition } from '../registry';
import { p } from '../params';
import { deleteMediaFile, listMediaFiles, mediaDirPath, retrieveMediaFile, storeMediaFile } from '../../engine/media';
import { pyTruthy } from './models/py';

const optionalText = () => p.optional(p.nullable(p.string()), null);

export const mediaActions: ActionDefinition[] = [
  action(
    'storeMediaFile',
    {
      filename: p.string(),
      data: optionalText(),
      path: optionalText(),
      url: optionalText(),
      skipHash: optionalText(),
      deleteExisting: p.optional(p.any(), true),
    },
    async (ctx, params) => {
      const settings = ctx.host.settings();
      return storeMediaFile(
        ctx.host.collection(),
        { ...params, deleteExisting: pyTruthy(params.deleteExisting) },
        { maxSourceBytes: settings.maxMediaSourceBytes, timeoutMs: settings.webTimeout },
      );
    },
  ),

  action('retrieveMediaFile', { filename: p.string() }, (ctx, { filename }) =>
    retrieveMediaFile(ctx.host.collection(), filename),
  ),

  action('getMediaFilesNames', { pattern: p.optional(p.string(), '*') }, (ctx, { pattern }) =>
    listMediaFiles(ctx.host.collection(), pattern),
  ),

  action('getMediaDirPath', {}, (ctx) => mediaDirPath(ctx.host.collection())),

  action('deleteMediaFile', { filename: p.string() }, (ctx, { filename }) => {
    deleteMediaFile(ctx.host.collection(), filename);
    return null;
  }),
];
