"""moto's server with one fix for our tests: DynamoDB requests are served one at a time.

moto 5.2.5 serves each request on its own thread and does not isolate TransactWriteItems: a
cancelled transaction restores a copy of the whole table taken when it started, silently erasing
writes that other requests committed meanwhile. Real DynamoDB isolates transactions (serializable).
Holding one lock around DynamoDB requests gives moto that isolation; every other service stays
threaded (an SQS long poll must not block a concurrent PutEvents).
Usage: python moto_server.py HOST PORT
"""
import sys
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app

_dynamodb = threading.Lock()


class SerializeDynamoDB:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if not target.startswith("DynamoDB_"):
            return self.app(environ, start_response)
        with _dynamodb:
            # Materialise the body inside the lock: the handler runs lazily while it is iterated.
            return list(self.app(environ, start_response))


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, port, SerializeDynamoDB(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
