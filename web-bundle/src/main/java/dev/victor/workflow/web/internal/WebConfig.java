package dev.victor.workflow.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The web API's settings (PID {@value #PID}); lists are comma-separated. */
@ObjectClassDefinition(id = WebConfig.PID, name = "Victor workflows web API",
        description = "Authentication, allowed workflow sources and limits of the REST API and the page")
public @interface WebConfig {

    String PID = "dev.victor.workflow.web";

    @AttributeDefinition(name = "Bearer token", type = AttributeType.PASSWORD, required = false,
            description = "Requests must carry 'Authorization: Bearer <token>'; empty: no token")
    String auth_token() default "";

    @AttributeDefinition(name = "User", required = false,
            description = "With a password: requests must carry HTTP basic authentication; empty: none")
    String auth_user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String auth_password() default "";

    @AttributeDefinition(name = "Allowed schemes", description = "The workflow URI schemes the API accepts")
    String allowed_schemes() default "yaml,yml,file,json,json+file,db,classpath";

    @AttributeDefinition(name = "File schemes",
            description = "Schemes whose source is a local path: accepted only inside the file directories")
    String file_schemes() default "yaml,yml,file,json,json+file";

    @AttributeDefinition(name = "File directories", required = false,
            description = "Directories whose workflow files the API may read; empty: none (file schemes refused)")
    String file_directories() default "";

    @AttributeDefinition(name = "Base directory", required = false,
            description = "Relative paths in requests are resolved against it; empty: the first file directory")
    String file_base() default "";

    @AttributeDefinition(name = "Largest request body (bytes)")
    int max_body_bytes() default 1_048_576;

    @AttributeDefinition(name = "Requests per minute per client address (0: no limit)")
    int requests_per_minute() default 1200;

    @AttributeDefinition(name = "Runs at once", description = "Runs (and resumes) executing at the same time")
    int max_running_runs() default 32;

    @AttributeDefinition(name = "Event streams at once", description = "Open server-sent event streams")
    int max_event_streams() default 32;

    @AttributeDefinition(name = "Remembered runs", description = "Finished runs kept for GET /api/runs/{threadId}")
    int remembered_runs() default 1000;

    @AttributeDefinition(name = "Events kept per run", description = "Events of one run kept for its event stream")
    int max_events_per_run() default 10_000;

    @AttributeDefinition(name = "Inbox size", description = "Most waiting threads GET /api/threads lists")
    int inbox_limit() default 500;

    @AttributeDefinition(name = "Wait (seconds)",
            description = "How long POST /api/runs waits for the end before it answers 202 with the running run")
    int wait_seconds() default 60;
}
