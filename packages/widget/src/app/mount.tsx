import { render } from 'preact';
import type { MountContext, WidgetApp } from '../shared-types.ts';
import { ChatPanel } from './ChatPanel.tsx';
import { PANEL_CSS } from './panel-styles.ts';
import { WidgetController } from './widget-controller.ts';

/**
 * The app chunk's entry, called by the loader once the shopper shows intent. Renders the panel
 * into the loader's shadow root and returns the commands the page's `Parley(…)` calls reach.
 */
export function mount(context: MountContext): WidgetApp {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PANEL_CSS);
  context.shadow.adoptedStyleSheets = [...context.shadow.adoptedStyleSheets, sheet];
  const container = document.createElement('div');
  context.shadow.append(container);
  const controller = new WidgetController(context);
  render(<ChatPanel controller={controller} />, container);
  return {
    open: () => controller.open(),
    close: () => controller.close(),
    toggle: () => controller.toggle(),
    send: (text) => controller.send(text),
    setLocale: (locale) => controller.setLocale(locale),
    identify: (identity) => controller.identify(identity),
    shutdown: () => {
      render(null, container);
      controller.shutdown();
      container.remove();
    },
  };
}
