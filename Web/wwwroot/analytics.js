// Changes the address bar only: Blazor keeps its own bookkeeping in history.state, so it is carried over untouched.
export function replaceAddress(url) {
    history.replaceState(history.state, '', url);
}
