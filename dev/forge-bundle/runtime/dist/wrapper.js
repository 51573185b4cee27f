// Stand-in for Forge's Node runtime loader, which `forge deploy` downloads from Atlassian's CDN and
// writes beside the bundle as __forge__.cjs. There is no network here: @forge/bundler reads this file
// instead because FORGE_RUNTIME_PATH points at this folder (its LocalWrapperProvider). Nothing runs
// it: the local runtime shim (dev/runtime) loads index.cjs itself and calls the handlers it exports.
