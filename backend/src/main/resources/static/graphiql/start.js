// GraphiQL on this portal's API; a file of its own because the pages' policy allows no inline script.
// Sign in with the `login` mutation, then put `{"Authorization": "Bearer <accessToken>"}` in the headers tab.
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
  }),
);
