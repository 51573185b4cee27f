/**
 * The Custom UI frames a host page has opened. Each iframe gets an unguessable id in its URL; the
 * bridge shim sends that id with every call, so the host knows the frame's module, user, theme and
 * extension context (as Jira knows which extension an iframe belongs to).
 */
import { randomUUID } from 'node:crypto';
import { esc } from './html';

export interface Frame {
  moduleKey: string;
  moduleType: string;
  resourceKey: string;
  accountId: string;
  colorMode: 'light' | 'dark';
  extension: Record<string, unknown>;
  /** For a gadget: where view.submit stores its configuration. */
  gadgetId?: string;
}

const MAX_FRAMES = 1000;

export class FrameRegistry {
  private readonly frames = new Map<string, Frame>();

  open(frame: Frame): string {
    const id = randomUUID();
    this.frames.set(id, frame);
    if (this.frames.size > MAX_FRAMES) this.frames.delete(this.frames.keys().next().value!);
    return id;
  }

  get(id: string): Frame | undefined { return this.frames.get(id); }

  /**
   * The iframe element for a frame: the resource's index.html with the frame id, a title for screen readers.
   */
  iframe(frame: Frame, title: string, className: string): string {
    const id = this.open(frame);
    const src = `/__forge/resource/${encodeURIComponent(frame.resourceKey)}/index.html?frame=${id}`;
    const about = `class="${esc(className)}" title="${esc(title)}"`;
    return `<iframe data-forge data-module="${esc(frame.moduleKey)}" ${about} src="${src}"></iframe>`;
  }
}
