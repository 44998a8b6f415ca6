-- One database per service, as in the local stack and on Kubernetes.
create database ownersvote_election;
create database ownersvote_ballot;
create database ownersvote_notification;
create database ownersvote_gateway;
