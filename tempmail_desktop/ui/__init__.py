"""The Qt Widgets front end. It shows what the services emit; it holds no
provider logic of its own."""
