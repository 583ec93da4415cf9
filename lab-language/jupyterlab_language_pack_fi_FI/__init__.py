"""JupyterLab's fi_FI language pack for the microcred course (built by lab-language/build.py)."""
