export { click, deepText, find, findAll, press, render, select, settle, textOf, type } from './dom';
