import { action, ActionError, type ActionContext, type ActionDefinition } from '../../registry';
import { p } from '../../params';
import { studyController, StudyGuiError, type StudyController } from '../../../gui/study/controller';

/** The study controller of this server's GUI; its "add-on errors" become the action's error text. */
async function withStudy<T>(ctx: ActionContext, run: (study: StudyController) => T | Promise<T>): Promise<T> {
  try {
    return await run(studyController(ctx.host.gui.hub, ctx.host));
  } catch (error) {
    if (error instanceof StudyGuiError) throw new ActionError(error.message);
    throw error;
  }
}

/**
 * The reviewer and deck gui* actions. They drive the real GUI (an Electron window or a
 * browser tab on the web GUI); without one they answer as the add-on does without its
 * reviewer (see README, "gui* actions without a window").
 */
export const guiStudyActions: ActionDefinition[] = [
  action('guiReviewActive', {}, (ctx) => withStudy(ctx, (s) => s.reviewActive())),
  action('guiCurrentCard', {}, (ctx) => withStudy(ctx, (s) => s.currentCard())),
  action('guiStartCardTimer', {}, (ctx) => withStudy(ctx, (s) => s.startCardTimer())),
  action('guiShowQuestion', {}, (ctx) => withStudy(ctx, (s) => s.showQuestion())),
  action('guiShowAnswer', {}, (ctx) => withStudy(ctx, (s) => s.showAnswer())),
  action('guiAnswerCard', { ease: p.int() }, (ctx, { ease }) => withStudy(ctx, (s) => s.answerCard(ease))),
  action('guiPlayAudio', {}, (ctx) => withStudy(ctx, (s) => s.playAudio())),
  action('guiUndo', {}, (ctx) => withStudy(ctx, (s) => s.undo())),
  action('guiDeckOverview', { name: p.string() }, (ctx, { name }) => withStudy(ctx, (s) => s.deckOverview(name))),
  action('guiDeckBrowser', {}, (ctx) => withStudy(ctx, (s) => s.deckBrowser())),
  action('guiDeckReview', { name: p.string() }, (ctx, { name }) => withStudy(ctx, (s) => s.deckReview(name))),
  action('guiExitAnki', {}, (ctx) => {
    // The add-on closes the window a second later, after the reply has gone out.
    setTimeout(() => ctx.host.gui.requestExit(), 1000);
    return null;
  }),
  action('guiCheckDatabase', {}, async (ctx) => {
    await withStudy(ctx, (s) => s.checkDatabase());
    return true;
  }),
];
