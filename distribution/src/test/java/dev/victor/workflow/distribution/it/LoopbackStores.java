package dev.victor.workflow.distribution.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * S3Proxy and mongo-java-server on loopback for {@link SourcesHotSwapIT}, started in the test JVM
 * before the framework (outside the probe, which cannot see these classes), each holding the
 * workflow {@code hello}, and the configuration files that point the sources at them.
 */
final class LoopbackStores {

    private LoopbackStores() {
    }

    /**
     * Starts both servers (they serve until the JVM ends, after the tests) and writes
     * {@code dev.victor.workflow.s3.cfg} and a mongodb datasource {@code it} into {@code watched}.
     *
     * @return the MongoDB connection string
     */
    static String start(Path watched, String yaml) throws Exception {
        S3Proxy s3 = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "it-key", "it-secret").build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + s3.getPort());
        try (S3Client client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1).endpointOverride(endpoint).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it-key", "it-secret")))
                .build()) {
            client.createBucket(b -> b.bucket("flows"));
            client.putObject(b -> b.bucket("flows").key("hello.yaml").contentType("application/yaml"),
                    RequestBody.fromString(yaml));
        }
        MongoServer mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        String connection = mongo.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(connection)) {
            client.getDatabase("it").getCollection("flows").insertOne(new Document("name", "hello")
                    .append("version", 1L).append("format", "yaml").append("definition", yaml));
        }
        // S3Proxy and mongo-java-server serve until this JVM ends, after the tests
        Files.writeString(watched.resolve("dev.victor.workflow.s3.cfg"), "endpoint = " + endpoint
                + "\npath.style = true\naccess.key = it-key\n.secret.key = it-secret\n");
        Files.writeString(watched.resolve("dev.victor.workflow.mongodb.datasource-it.cfg"),
                "name = it\nconnection = " + connection + "\ndatabase = it\ncollection = flows\n");

        return connection;
    }
}
