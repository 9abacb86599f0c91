/**
 * @module Dark and light themes: the system's choice (prefers-color-scheme) until a person picks one with the
 * toggle; the choice is kept in localStorage and set as `data-theme` on the root element.
 */

export type Theme = 'dark' | 'light'
const KEY = 'rina.theme'

export function currentTheme(): Theme {
  const chosen = localStorage.getItem(KEY)
  if (chosen === 'dark' || chosen === 'light') return chosen
  return matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark'
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme
}

export function toggleTheme(): Theme {
  const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark'
  localStorage.setItem(KEY, next)
  applyTheme(next)
  window.dispatchEvent(new Event('rina-theme'))
  return next
}
