/**
 * JupyterLab's labels that its own code draws without its translator, in the screen's language.
 *
 * JupyterLab 4.6 builds a few widgets without passing them its translator, so their labels
 * stay English although the language pack translates the message (the debugger button's
 * tooltip, "No Kernel", the landmarks a screen reader announces), and it writes the skip link's
 * text, the property inspector's headings and the word "Section" of the side panels' section
 * labels into its code. This plugin asks the translator for them (the 'jupyterlab' domain for
 * JupyterLab's messages, the course's own 'microcred_lab_language' domain for the others) and
 * puts the translation in place wherever one of these labels appears, on the few elements that
 * carry them. On an English screen it does nothing at all: no observer is started.
 */

import type {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ITranslator, type TranslationBundle } from '@jupyterlab/translation';

/** Where a label is drawn: the elements (a CSS selector) and the attribute, or null: the text. */
interface Place {
  selector: string;
  attribute: string | null;
}

/** An English label, its translation and where it is drawn. */
interface Label {
  english: string;
  translation: string;
  places: Place[];
}

/** A label with a name or value in it ("%1 Section"): the English part as a pattern whose
 * group is the %1, and its translation with that filled in, put in place of the part. */
interface Pattern {
  english: RegExp;
  translate: (name: string) => string;
  places: Place[];
}

/** Where JupyterLab shows a session's kernel name (its 'No Kernel' has no translator). */
const KERNEL_NAME: Place[] = [
  { selector: '.jp-Toolbar-kernelName', attribute: 'aria-label' },
  { selector: '.jp-Toolbar-kernelName > .jp-ToolbarButtonComponent-label', attribute: null },
  { selector: '.jp-StatusBar-TextItem', attribute: null }, // "No Kernel | Idle"
  { selector: '.jp-Dialog-buttonLabel', attribute: null }, // the Select Kernel dialog's button
  { selector: '.jp-Dialog-buttonLabel', attribute: 'aria-label' },
  { selector: '.jp-Dialog-button', attribute: 'aria-label' }
];
const DEBUGGER_BUTTON: Place[] = [
  { selector: '.jp-DebuggerBugButton', attribute: 'title' },
  { selector: '.jp-DebuggerBugButton', attribute: 'aria-label' }
];
/** The "More commands" button of a toolbar too narrow for its items. */
const OPENER = '.jp-Toolbar-responsive-opener > .jp-ToolbarButtonComponent';
/** The property inspector's headings (labels of JupyterLab's settings, no message). */
const PROPERTY_HEADING: Place[] = [{ selector: '.jp-Collapser-title', attribute: null }];
const aria = (selector: string): Place[] => [{ selector, attribute: 'aria-label' }];

/** The labels, each msgid written out in the call so that lab-language/build.py's reader of
 * the built JavaScript finds it (`build.py unused`, tests/test_lab_language_packs.py). */
function labels(lab: TranslationBundle, own: TranslationBundle): Label[] {
  return [
    { english: 'Skip to main panel', translation: own.__('Skip to main panel'),
      places: [{ selector: '.skip-link', attribute: null }] },
    { english: 'Cell toolbar', translation: lab.__('Cell toolbar'),
      places: aria('.jp-cell-toolbar') },
    { english: 'Markdown Cell Content', translation: lab.__('Markdown Cell Content'),
      places: aria('.jp-MarkdownCell') },
    { english: 'main area content', translation: lab.__('main area content'),
      places: aria('[role="region"]') },
    { english: 'main area toolbar', translation: lab.__('main area toolbar'),
      places: aria('[role="toolbar"]') },
    { english: 'side panel content', translation: lab.__('side panel content'),
      places: aria('.jp-SidePanel-content') },
    { english: 'No Kernel', translation: lab.__('No Kernel'), places: KERNEL_NAME },
    { english: 'Enable Debugger', translation: lab.__('Enable Debugger'),
      places: DEBUGGER_BUTTON },
    { english: 'Disable Debugger', translation: lab.__('Disable Debugger'),
      places: DEBUGGER_BUTTON },
    { english: 'Select a kernel that supports debugging to enable debugger',
      translation: lab.__('Select a kernel that supports debugging to enable debugger'),
      places: DEBUGGER_BUTTON },
    { english: 'More commands', translation: lab.__('More commands'),
      places: [{ selector: OPENER, attribute: 'title' },
               { selector: OPENER, attribute: 'aria-label' }] },
    { english: 'Responsive popup toolbar', translation: lab.__('Responsive popup toolbar'),
      places: aria('.jp-Toolbar-responsive-popup') },
    { english: 'Common Tools', translation: own.__('Common Tools'), places: PROPERTY_HEADING },
    { english: 'Advanced Tools', translation: own.__('Advanced Tools'), places: PROPERTY_HEADING }
  ].filter(label => label.translation !== label.english);
}

/** The labels with a name or value in them: JupyterLab writes "<title> Section" into its code
 * as the label of each section of a side panel (Kernels Section, Variables Section, ...), and
 * the file browser's tooltip gives a file's "Writable: %1" as JavaScript's true or false. */
function patterns(lab: TranslationBundle, own: TranslationBundle): Pattern[] {
  const list: Pattern[] = [];
  if (own.__('%1 Section', '%1') !== '%1 Section') {
    list.push({ english: /^(.+) Section$/, translate: name => own.__('%1 Section', name),
                places: aria('.lm-AccordionPanel-title') });
  }
  const yes = lab.__('Yes');
  if (yes !== 'Yes') {
    const writable = literal(lab.__('\nWritable: %1', '\u0000')).replace('\u0000', '(true|false)');
    list.push({ english: new RegExp(`${writable}$`, 'm'),
                translate: flag => lab.__('\nWritable: %1', flag === 'true' ? yes : lab.__('No')),
                places: [{ selector: '.jp-DirListing-item', attribute: 'title' }] });
  }
  return list;
}

/** ``text`` as a regular expression that matches it literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Puts the translations in place in what is added to or changed on the page. */
export class Relabeller {
  private readonly byEnglish = new Map<string, Label>();
  private readonly attributes: string[];
  private readonly anywhere: string;

  constructor(list: Label[], private readonly patterns: Pattern[] = []) {
    for (const label of list) {
      this.byEnglish.set(label.english, label);
    }
    const places = [...list, ...patterns].flatMap(label => label.places);
    this.attributes = [...new Set(places.flatMap(p => (p.attribute ? [p.attribute] : [])))];
    this.anywhere = [...new Set(places.map(p => p.selector))].join(', ');
  }

  /** Whether there is anything to translate (nothing on an English screen). */
  get empty(): boolean {
    return this.byEnglish.size === 0 && this.patterns.length === 0;
  }

  /** Watches ``root``: new elements, the attributes concerned and text changes. */
  observe(root: Node): MutationObserver {
    const observer = new MutationObserver(records => this.onMutations(records));
    observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: this.attributes
    });
    this.visit(root);
    return observer;
  }

  onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'childList') {
        record.addedNodes.forEach(node => this.visit(node));
      } else if (record.type === 'attributes') {
        this.attribute(record.target as Element, record.attributeName as string);
      } else {
        this.text(record.target as Text);
      }
    }
  }

  /** A node added to the page and every element under it that may carry a label. */
  visit(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) {
      this.text(node as Text);
      return;
    }
    if (!(node instanceof Element || node instanceof Document)) {
      return;
    }
    const found = Array.from(node.querySelectorAll(this.anywhere));
    if (node instanceof Element && node.matches(this.anywhere)) {
      found.push(node);
    }
    for (const element of found) {
      for (const name of this.attributes) {
        this.attribute(element, name);
      }
      if (element.firstChild instanceof Text) {
        this.text(element.firstChild);
      }
    }
  }

  /** The attribute ``name`` of ``element`` when it is one of the labels, at its place. */
  attribute(element: Element, name: string): void {
    const value = element.getAttribute(name);
    if (value === null) {
      return;
    }
    const at = (places: Place[]): boolean =>
      places.some(p => p.attribute === name && element.matches(p.selector));
    const label = this.byEnglish.get(value);
    if (label && at(label.places)) {
      element.setAttribute(name, label.translation);
      return;
    }
    for (const pattern of this.patterns) {
      if (pattern.english.test(value) && at(pattern.places)) {
        element.setAttribute(
          name, value.replace(pattern.english, (_part, group: string) => pattern.translate(group)));
        return;
      }
    }
  }

  /** A text that is one of the labels (or begins with one before " | ", as the status bar's
   * "No Kernel | Idle"), at its place. */
  text(node: Text): void {
    const value = node.data;
    const cut = value.indexOf(' | ');
    const head = (cut < 0 ? value : value.slice(0, cut)).trim();
    const label = this.byEnglish.get(head);
    const parent = node.parentElement;
    if (label && parent &&
        label.places.some(p => p.attribute === null && parent.matches(p.selector))) {
      node.data = value.replace(head, label.translation);
    }
  }
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: '@microcred/lab-language:relabel',
  description: "JupyterLab's labels drawn without its translator, in the screen's language.",
  autoStart: true,
  requires: [ITranslator],
  activate: (_app: JupyterFrontEnd, translator: ITranslator): void => {
    const own = translator.load('microcred_lab_language');
    const lab = translator.load('jupyterlab');
    const relabeller = new Relabeller(labels(lab, own), patterns(lab, own));
    if (!relabeller.empty) {
      relabeller.observe(document.body);
    }
  }
};

export default plugin;
