-- Topic permissions per subject: a user name, '$anonymous', '$default' (users without rules of their own) or an
-- in-process client ('$roost-rules', '$roost-devices'). No rows for a subject means: everything but $SYS.
CREATE TABLE acl_rules (
    subject      VARCHAR(65)   NOT NULL,
    action       VARCHAR(9)    NOT NULL CHECK (action IN ('publish', 'subscribe')),
    topic_filter VARCHAR(1024) NOT NULL,
    PRIMARY KEY (subject, action, topic_filter)
);
