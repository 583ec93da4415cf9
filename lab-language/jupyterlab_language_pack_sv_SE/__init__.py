"""JupyterLab's sv_SE language pack for the microcred course (built by lab-language/build.py)."""
