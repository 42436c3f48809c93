// Builds the task pane into dist/ and copies the manifest and icons beside it.
//
// Production URL: `npm run build` rewrites every https://localhost:3000/ in
// manifest.xml to ADDIN_PROD_URL (a trailing "/" is added if missing), for example
//   ADDIN_PROD_URL=https://addins.example.com/ai-portfolio/ npm run build
// Without it the contoso placeholder below is used: fine for trying the build,
// never for publishing.
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_ORIGIN = 'https://localhost:3000';
const DEFAULT_PROD_URL = 'https://www.contoso.com/ai-portfolio/';
const DEV_PORT = 3000;

function productionUrl() {
  const url = process.env.ADDIN_PROD_URL || DEFAULT_PROD_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/** Development URLs become production ones; a bare origin (AppDomain) becomes the production origin. */
function toProductionManifest(xml) {
  const url = productionUrl();
  return xml.replaceAll(`${DEV_ORIGIN}/`, url).replaceAll(DEV_ORIGIN, new URL(url).origin);
}

/** HTTPS options from office-addin-dev-certs, or null when certificates cannot be had (e.g. Linux without sudo). */
async function devHttpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.warn(`[dev-server] No trusted development certificate (${reason}); serving over http instead.`);
    return null;
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const https = serving ? await devHttpsOptions() : null;

  return {
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // `highs` (the solver) has Node-only code paths behind runtime checks;
      // the browser build must not try to bundle Node's built-ins.
      fallback: { fs: false, path: false, crypto: false, url: false, module: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundle only transpiles.
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      // Map `node:fs` etc. to bare names so resolve.fallback applies to them.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: '[name][ext]',
            transform: (content) => (production ? toProductionManifest(content.toString()) : content),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : 'http',
    },
    performance: { hints: false },
  };
};

// For the manifest test: the same rewrite the production build applies.
module.exports.toProductionManifest = toProductionManifest;
