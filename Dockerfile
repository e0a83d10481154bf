# Switchyard server image. Build: docker build -t switchyard .
# Run (host networking, so the media port and the addresses in ICE candidates are the host's own):
#   docker run --network host -e SWITCHYARD_HTTP_HOST=0.0.0.0 -e SWITCHYARD_MEDIA_ADDRESS=203.0.113.7 \
#     -e SWITCHYARD_TOKEN_KEY=... switchyard
# README.md "Deploying" explains the settings.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl sfu-server -am package -Dmaven.test.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --no-create-home --shell /usr/sbin/nologin switchyard
COPY --from=build /src/sfu-server/target/switchyard-server.jar /opt/switchyard/switchyard-server.jar
COPY LICENSE /opt/switchyard/LICENSE
USER switchyard
# HTTP (signaling, demo page, /health, /admin) and the shared media port.
EXPOSE 8080/tcp 10000/udp
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/switchyard/switchyard-server.jar"]
