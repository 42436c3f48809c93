// The preview: the task pane beside an in-memory workbook, served by
// webpack-dev-server (`npm run preview`) or built into dist-preview/
// (`npm run build:preview`, what the browser tests serve). No office.js: it
// works offline.
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const PREVIEW_PORT = Number(process.env.PREVIEW_PORT) || 3001;

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  return {
    devtool: production ? false : 'eval-cheap-module-source-map',
    entry: { preview: './src/preview/index.tsx' },
    output: {
      path: path.resolve(__dirname, process.env.PREVIEW_OUT || 'dist-preview'),
      filename: production ? '[name].[contenthash].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      fallback: { fs: false, path: false, crypto: false, url: false, module: false },
    },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/preview/preview.html' }),
    ],
    // Fast start: the dev server builds in memory, with no type checking (that is `npm run typecheck`).
    cache: production ? false : { type: 'filesystem' },
    devServer: {
      port: PREVIEW_PORT,
      host: 'localhost',
      hot: false,
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
      static: false,
    },
    performance: { hints: false },
    stats: production ? 'normal' : 'minimal',
  };
};
