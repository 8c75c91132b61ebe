# Builds and runs ARflow; docker-compose.yml starts it with PostgreSQL and Mailpit.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /build/target/arflow-*.jar /app/arflow.jar
COPY processes /app/processes
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/arflow.jar"]
