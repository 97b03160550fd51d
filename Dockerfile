# The ICC scheduler service, built from this repository alone (npm registry for dependencies).
# docker compose up (compose.yaml) runs it with PostgreSQL; alone it uses the embedded database
# in /data. The service runs TypeScript through tsx, as `npm start` does.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Dev dependencies stay out; tsx (which runs the service) is a runtime dependency.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY db ./db
COPY schemas ./schemas
COPY solver ./solver
COPY src ./src
COPY tsconfig.json ./
RUN mkdir -p /data && chown node:node /data
USER node
# Inside a container the service must listen on every interface; publish the port to the host's
# loopback (compose.yaml does) or put it behind a TLS proxy. Demo tokens are refused on 0.0.0.0.
ENV HOST=0.0.0.0 PORT=3000 ICC_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s CMD node -e "fetch('http://127.0.0.1:3000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node_modules/.bin/tsx", "src/main.ts"]
