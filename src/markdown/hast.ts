// Small helpers over HTML trees, shared by the rehype plugins.
import type { Element } from 'hast';

/** The element's classes (`className` as hast stores it). */
export const classesOf = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

export const hasClass = (node: Element, name: string): boolean => classesOf(node).includes(name);
