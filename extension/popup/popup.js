// The toolbar popup for the current tab, wired to the browser (the steps are
// in show.js).
import {ext, call, send} from '../lib/messages.js';
import {showPopup} from './show.js';

showPopup({document, ext, call, send, close: () => window.close()});
