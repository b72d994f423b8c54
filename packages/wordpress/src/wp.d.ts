/**
 * The few pieces of WordPress's editor globals (`wp.*`, WordPress 6.1 and later) that the blocks use,
 * typed as far as they are used here.
 */
interface WpElement {
  createElement(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
  Fragment: unknown;
  useState<T>(initial: T): [T, (value: T) => void];
}

declare const wp: {
  element: WpElement;
  blocks: { registerBlockType(name: string, settings: Record<string, unknown>): unknown };
  blockEditor: { InspectorControls: unknown; useBlockProps(props?: Record<string, unknown>): Record<string, unknown> };
  components: {
    PanelBody: unknown;
    TextControl: unknown;
    TextareaControl: unknown;
    ToggleControl: unknown;
    SelectControl: unknown;
    Placeholder: unknown;
  };
  i18n: { __(text: string, domain?: string): string };
};

/** What the plugin tells the editor: the endpoint from the settings, and where the settings page is. */
interface Window {
  delibEditor?: { endpoint: string; settings: string };
}
